using System.Text.Json;

namespace Orleans.Render.Client;

/// <summary>What <c>POST /v2/batch</c> takes: the project (required here, as the client sends no bearer key), the pool and how many tasks run at once.</summary>
public sealed record BatchOptions(string Project, string? Routing = null, int? Window = null);

/// <summary><c>GET /v2/batch/{id}</c>: the batch's state and its tasks counted by outcome (<see cref="Done"/> = ended).</summary>
public sealed record BatchStatus(
    string Id,
    BatchState Status,
    int Total,
    int Done,
    int Completed,
    int Failed,
    int Cancelled,
    int Running,
    int Window,
    string Project,
    string Routing);

/// <summary>One task's result, in task order: its token and output URL, its state, and the failure's message and code.</summary>
public sealed record BatchTaskResult(
    int Index,
    string Token,
    Uri Url,
    BatchState Status,
    string Movie,
    string Format,
    string? Error,
    string? ErrorCode,
    JsonElement? Uploads);

/// <summary>A batch's state, and each task's (<see cref="Completed"/> = rendered).</summary>
public enum BatchState
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
