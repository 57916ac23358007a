using System.Net.Http.Headers;
using System.Text.Json;
using Orleans.Render.Api.Access;
using Orleans.Render.Conventions;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Conventions.Credentials;
using Orleans.Render.Models.Batches;

namespace Orleans.Render.Api.Http;

/// <summary>
/// The bodies of the batch API: <c>POST /v2/batch</c> (<c>routing</c>, and here also <c>window</c> and <c>project</c>)
/// and <c>POST /v2/batch/{id}/tasks</c> (<c>tasks</c>, each the body of a render request, parsed by <see cref="RenderBody"/>).
/// </summary>
public static class BatchBody
{
    /// <summary>
    /// A new batch's project, pool and window. The SDKs name no project (impossible.io knows it from the API key), so
    /// it is <c>project</c> in the body, else a render key's project or the <c>Authorization: Bearer</c> value itself; an empty body is allowed.
    /// </summary>
    public static (string? Project, string Routing, int? Window, IResult? Error) ParseCreate(
        JsonElement? root, string? authorization, IReadOnlyCollection<string> pools)
    {
        string? project = null;
        var routing = ClusterDefaults.Pool;
        int? window = null;
        if (root is { } body)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                return Fail("invalid_request", "The body must be a JSON object.");
            }

            if (body.TryGetProperty("routing", out var routingValue) && routingValue.ValueKind != JsonValueKind.Null)
            {
                if (routingValue.ValueKind != JsonValueKind.String)
                {
                    return Fail("invalid_routing_key", "'routing' must be a string.");
                }

                routing = routingValue.GetString()!;
            }

            if (body.TryGetProperty("window", out var windowValue) && windowValue.ValueKind != JsonValueKind.Null)
            {
                if (windowValue.ValueKind != JsonValueKind.Number || !windowValue.TryGetInt32(out var given) || given < 1)
                {
                    return Fail("invalid_window", "'window' must be a whole number of tasks in flight, 1 or more (the server caps it).");
                }

                window = given;
            }

            if (body.TryGetProperty("project", out var projectValue) && projectValue.ValueKind != JsonValueKind.Null)
            {
                if (projectValue.ValueKind != JsonValueKind.String)
                {
                    return Fail("invalid_project", "'project' must be a project id.");
                }

                project = projectValue.GetString();
            }
        }

        if (project is null && AuthenticationHeaderValue.TryParse(authorization, out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            project = RenderKey.TryParse(header.Parameter, out var key) ? key.Project : header.Parameter;
        }

        if (string.IsNullOrEmpty(project))
        {
            return Fail("missing_project", "Name the batch's project: 'project' in the body, or the project id as the Authorization: Bearer key.");
        }

        if (!pools.Contains(routing))
        {
            return Fail("unknown_routing_key", $"There is no render pool for the routing key '{(routing.Length <= 60 ? routing : routing[..60] + "…")}'.");
        }

        return (project, routing, window, null);

        static (string?, string, int?, IResult?) Fail(string error, string message) => (null, "", null, ApiErrors.BadRequest(error, message));
    }

    /// <summary>
    /// The tasks of <c>POST /v2/batch/{id}/tasks</c>, each exactly what its render request body would make, in the
    /// batch's project and pool. A task with a mistake refuses the whole call, with the task's number in the message.
    /// </summary>
    public static (List<BatchTask>? Tasks, IResult? Error) ParseTasks(
        JsonElement root, string project, string routing, int maxParallel, IReadOnlyCollection<string> pools, OutboundUrlPolicy addresses, InputLimitsOptions limits, ServerCredentialsOptions credentials)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tasks", out var tasks) || tasks.ValueKind != JsonValueKind.Array)
        {
            return (null, ApiErrors.BadRequest("missing_tasks", "The body must be {\"tasks\": [...]}, each task a render request body ({\"movie\", \"params\", \"format\"})."));
        }

        var parsed = new List<BatchTask>();
        foreach (var task in tasks.EnumerateArray())
        {
            var (body, error) = RenderBody.Parse(task, maxParallel, pools, addresses);
            error ??= ParamLimits.Check(body!.Params, limits) ?? ServerCredentialsCheck.Refuse(project, body.Uploads, body.UploadIsList, credentials);
            if (error is not null)
            {
                return (null, new TaskError(parsed.Count, error));
            }

            var request = new Models.RenderRequest(project, body!.Movies, body.Params, body.Parallel, routing);
            parsed.Add(new BatchTask(request, body.DefaultExtension(), body.Uploads));
        }

        return (parsed, null);
    }

    /// <summary>A render body's error, with the task's index in an <c>X-Batch-Task</c> header so a client can find it.</summary>
    public sealed record TaskError(int Index, IResult Error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["X-Batch-Task"] = Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error.ExecuteAsync(httpContext);
        }
    }
}
