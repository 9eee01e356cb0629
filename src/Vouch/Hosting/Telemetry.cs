using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Vouch.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, off unless <c>Telemetry:Exporter</c> is <c>otlp</c> (endpoint from
/// <c>Telemetry:OtlpEndpoint</c> or the standard OTEL_EXPORTER_OTLP_* variables) or <c>console</c>.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "vouch";

    public static IServiceCollection AddVouchTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = configuration["Telemetry:Exporter"]?.Trim().ToLowerInvariant();
        if (exporter is null or "" or "none")
        {
            return services;
        }
        if (exporter is not ("otlp" or "console"))
        {
            throw new InvalidOperationException($"Telemetry:Exporter is '{exporter}'; it must be none, console or otlp.");
        }
        var endpoint = configuration["Telemetry:OtlpEndpoint"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Npgsql");
                _ = exporter == "console" ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter(o => SetEndpoint(o, endpoint));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                    .AddMeter("System.Runtime", "Microsoft.EntityFrameworkCore", "Npgsql");
                _ = exporter == "console" ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter(o => SetEndpoint(o, endpoint));
            });
        return services;
    }

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, string? endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            options.Endpoint = new Uri(endpoint);
        }
    }
}
