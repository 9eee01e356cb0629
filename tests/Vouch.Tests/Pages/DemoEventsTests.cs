using Microsoft.Extensions.DependencyInjection;
using Vouch.Features.Events;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Pages;

public sealed class DemoEventsTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_a_past_mixer_whose_prospects_mostly_converted_and_events_ahead_with_speakers()
    {
        await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            var report = await services.GetRequiredService<EventReport>().ConversionAsync(Ct);
            var upcoming = await services.GetRequiredService<EventQueries>().ListAsync(new PageQuery(), new EventFilter { Upcoming = true }, Ct);

            var mixer = Assert.Single(report.Events);
            Assert.Equal(("ProspectMixer", 10, 1, 8, 0.8), (mixer.Kind, mixer.Prospects, mixer.UnlinkedProspects, mixer.Converted, mixer.Rate));
            Assert.True(mixer.Revenue > 0);
            Assert.Equal(["Webinar", "ProspectMixer", "UserGroup"], upcoming.Items.Select(e => e.Kind));
            Assert.Equal([1, 1, 0], upcoming.Items.Select(e => e.Speakers));
        });
    }
}
