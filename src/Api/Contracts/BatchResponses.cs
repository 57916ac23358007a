using System.ComponentModel;

namespace Orleans.Render.Api.Contracts;

/// <summary>
/// A batch's status in both SDK shapes at once: <c>{id, status, tasks}</c> (TS/Python/Rust) and
/// <c>{batchId, runId, status, total, done, failed}</c> (Go).
/// </summary>
public sealed record BatchStatusReport(
    string Id,
    [property: Description("The same as id (Go SDK).")] string BatchId,
    [property: Description("The same as id: a batch is its own run (Go SDK).")] string RunId,
    [property: Description("pending, running, completed, failed or cancelled.")] string Status,
    [property: Description("Tasks added so far.")] int Tasks,
    [property: Description("The same as tasks (Go SDK).")] int Total,
    [property: Description("Tasks that ended: completed, failed or cancelled.")] int Done,
    int Completed,
    int Failed,
    int Cancelled,
    int Running,
    [property: Description("Tasks in flight at most.")] int Window,
    string Project,
    [property: Description("The render pool.")] string Routing);

/// <summary>One task's result in <c>GET /v2/batch/{id}/results</c>.</summary>
public sealed record BatchTaskReport(
    int Index,
    string Token,
    [property: Description("Where the task's output is fetched.")] string Url,
    [property: Description("pending, running, completed, failed or cancelled.")] string Status,
    string Movie,
    [property: Description("The output extension.")] string Format,
    [property: Description("Why the task failed, else null.")] string? Error,
    string? ErrorCode,
    [property: Description("Each upload's result for tasks with upload tasks, else null.")] IReadOnlyList<string?>? Uploads);
