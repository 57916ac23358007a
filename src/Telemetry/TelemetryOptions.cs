using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Telemetry;

/// <summary>
/// <c>Telemetry:*</c>: traces and metrics, off unless an OTLP endpoint is named here or in the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the other <c>OTEL_*</c> variables apply as the OpenTelemetry SDK defines them).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Collect traces and metrics even without an OTLP endpoint (for exporters added in code, as the tests do).</summary>
    public bool Enabled { get; set; }

    public OtlpSettings Otlp { get; set; } = new();

    public sealed class OtlpSettings
    {
        /// <summary>The collector, e.g. <c>http://127.0.0.1:4317</c> (gRPC) or <c>http://127.0.0.1:4318</c> with <see cref="Protocol"/> <c>http/protobuf</c>.</summary>
        [Url]
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
        [RegularExpression("^(grpc|http/protobuf)$", ErrorMessage = "Telemetry:Otlp:Protocol must be grpc or http/protobuf.")]
        public string Protocol { get; set; } = "grpc";
    }
}
