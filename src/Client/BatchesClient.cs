using System.Globalization;
using System.Text.Json.Nodes;

namespace Orleans.Render.Client;

/// <summary>Batches (<c>/v2/batch</c>): many render requests run as one, each task a token, a window of them at once.</summary>
public sealed class BatchesClient
{
    private readonly ApiTransport api;

    internal BatchesClient(ApiTransport api) => this.api = api;

    public Task<BatchStatus> CreateAsync(BatchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var body = new JsonObject { ["project"] = options.Project };
        if (options.Routing is not null)
        {
            body["routing"] = options.Routing;
        }

        if (options.Window is { } window)
        {
            body["window"] = window;
        }

        return api.SendAsync<BatchStatus>(api.Request(HttpMethod.Post, "/v2/batch", content: ApiTransport.JsonBody(body)), cancellationToken);
    }

    /// <summary>Adds tasks (their movies are read from the project now); a bad task refuses the whole call.</summary>
    public Task AddTasksAsync(string id, IEnumerable<RenderRequest> tasks, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["tasks"] = new JsonArray([.. tasks.Select(t => t.ToJson())]) };
        return api.SendAndForgetAsync(api.Request(HttpMethod.Post, $"{BatchPath(id)}/tasks", content: ApiTransport.JsonBody(body)), cancellationToken);
    }

    public Task RunAsync(string id, CancellationToken cancellationToken = default) =>
        api.SendAndForgetAsync(api.Request(HttpMethod.Post, $"{BatchPath(id)}/run"), cancellationToken);

    /// <summary>Cancels the tasks not ended: those not started never start, running ones have their tokens deleted.</summary>
    public Task CancelAsync(string id, CancellationToken cancellationToken = default) =>
        api.SendAndForgetAsync(api.Request(HttpMethod.Post, $"{BatchPath(id)}/cancel"), cancellationToken);

    public Task<BatchStatus> GetAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<BatchStatus>(BatchPath(id), cancellationToken);

    /// <summary>One page of the tasks' results in task order.</summary>
    public Task<IReadOnlyList<BatchTaskResult>> GetResultsAsync(string id, int offset = 0, int limit = 10_000, CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<BatchTaskResult>>(string.Create(CultureInfo.InvariantCulture, $"{BatchPath(id)}/results?offset={offset}&limit={limit}"), cancellationToken);

    private static string BatchPath(string id) => $"/v2/batch/{ApiTransport.Escape(id)}";
}
