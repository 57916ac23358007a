using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Orleans.Render.Api.Contracts;

/// <summary>
/// What <c>GET /health</c> answers: storage and silos reported apart. Healthy, <c>status</c> is ok; otherwise the body
/// is also an error (<c>storage_unavailable</c> or <c>cluster_unavailable</c>) with status degraded or unavailable.
/// </summary>
public sealed record HealthReport(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: Description("ok, degraded or unavailable.")] string Status,
    ComponentHealth Storage,
    ComponentHealth Silos);

/// <summary>One part of the system in <see cref="HealthReport"/>.</summary>
public sealed record ComponentHealth(
    [property: Description("ok, unavailable or unknown.")] string Status,
    [property: Description("Active silos (silos only)."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Active = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);
