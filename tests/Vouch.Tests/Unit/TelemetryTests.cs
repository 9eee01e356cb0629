using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Vouch.Hosting;

namespace Vouch.Tests.Unit;

public sealed class TelemetryTests
{
    private static ServiceProvider Build(string? exporter)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Telemetry:Exporter", exporter)])
            .Build();
        return new ServiceCollection().AddLogging().AddVouchTelemetry(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Telemetry_is_off_unless_an_exporter_is_chosen()
    {
        using var services = Build(null);

        Assert.Null(services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("console")]
    [InlineData("otlp")]
    public void Choosing_an_exporter_turns_on_tracing(string exporter)
    {
        using var services = Build(exporter);

        Assert.NotNull(services.GetService<TracerProvider>());
    }

    [Fact]
    public void An_unknown_exporter_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("zipkin"));

        Assert.Contains("'zipkin'", error.Message, StringComparison.Ordinal);
    }
}
