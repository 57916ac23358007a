using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Orleans.Render.Telemetry;

/// <summary>
/// OpenTelemetry for a silo or the API: our own sources and meters (<c>Orleans.Render.*</c>: the engine's segment and
/// ffmpeg spans, the job, queue and upload metrics), Orleans' grain-call spans (with <c>AddActivityPropagation</c> on
/// the silo and client builders, a trace runs from the HTTP request through every grain call to each ffmpeg run), and
/// an OTLP exporter. Nothing is registered unless <see cref="TelemetryOptions"/> turns it on.
/// </summary>
public static class RenderTelemetryServiceCollectionExtensions
{
    /// <summary>Our ActivitySources and Meters all start with this.</summary>
    public const string OurNames = "Orleans.Render.*";

    /// <summary>
    /// Orleans' grain-call spans. Orleans files calls to interfaces in an <c>Orleans.*</c> namespace, ours
    /// (<c>Orleans.Render.*</c>) included, under its runtime source, so both are needed; that also traces the runtime's
    /// own calls (membership, the dashboard's collectors), which a sampler (<c>OTEL_TRACES_SAMPLER</c>) can thin.
    /// </summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    public static IServiceCollection AddRenderTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, Action<TracerProviderBuilder>? tracing = null)
    {
        var section = configuration.GetSection(TelemetryOptions.Section);
        services.AddOptions<TelemetryOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.Otlp.Endpoint ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!options.Enabled && string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddSource([OurNames, .. OrleansSources]);
                tracing?.Invoke(t);
            })
            .WithMetrics(m => m.AddMeter(OurNames));
        if (!string.IsNullOrWhiteSpace(options.Otlp.Endpoint))
        {
            builder.UseOtlpExporter(
                options.Otlp.Protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, new Uri(options.Otlp.Endpoint));
        }
        else if (!string.IsNullOrWhiteSpace(endpoint))
        {
            // The OTEL_EXPORTER_OTLP_* variables configure it.
            builder.UseOtlpExporter();
        }

        return services;
    }
}
