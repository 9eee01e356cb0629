using Vouch.Features.Events;

namespace Vouch.Tests.Unit.Programs;

public sealed class EventConversionTests
{
    private static readonly DateOnly s_day = new(2026, 6, 1);
    private static readonly Guid s_mixer = Guid.NewGuid();

    private static HeldEvent Mixer(Guid? id = null, DateOnly? on = null, EventKind kind = EventKind.ProspectMixer) =>
        new(id ?? s_mixer, kind, on ?? s_day);

    [Fact]
    public void The_window_runs_from_the_events_day_to_the_window_after_it_both_included()
    {
        Assert.True(EventConversion.InWindow(s_day, 180, s_day));
        Assert.True(EventConversion.InWindow(s_day, 180, s_day.AddDays(180)));
        Assert.False(EventConversion.InWindow(s_day, 180, s_day.AddDays(181)));
        Assert.False(EventConversion.InWindow(s_day, 180, s_day.AddDays(-1)));
        Assert.False(EventConversion.InWindow(s_day, 180, null));
        Assert.Equal(new DateOnly(2026, 11, 28), EventConversion.WindowEnd(s_day, 180));
    }

    [Fact]
    public void A_prospect_converts_by_becoming_a_customer_or_winning_a_deal_within_the_window()
    {
        Assert.True(EventConversion.Converted(s_day, 180, s_day.AddDays(30), []));
        Assert.True(EventConversion.Converted(s_day, 180, null, [s_day.AddDays(-10), s_day.AddDays(90)]));
        Assert.False(EventConversion.Converted(s_day, 180, s_day.AddDays(-400), [s_day.AddDays(200)]));
        Assert.False(EventConversion.Converted(s_day, 180, null, []));
    }

    [Fact]
    public void The_tally_counts_each_prospect_and_each_accounts_revenue_once_per_event()
    {
        var (won, late, never) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        AttendingProspect[] prospects =
        [
            new(s_mixer, won, null), new(s_mixer, won, null), // two people of one account
            new(s_mixer, late, s_day.AddDays(181)),
            new(s_mixer, never, null),
        ];
        WonDeal[] deals =
        [
            new(won, s_day.AddDays(60), 100_000m), new(won, s_day.AddDays(170), 20_000m), new(won, s_day.AddDays(200), 9_999m),
            new(late, s_day.AddDays(190), 50_000m),
        ];

        var tally = Assert.Single(EventConversion.Tally([Mixer()], prospects, deals, 180));

        Assert.Equal(new EventTally(s_mixer, 4, 2, 120_000m), tally);
    }

    [Fact]
    public void A_prospect_of_an_event_not_held_is_left_out()
    {
        Assert.Empty(EventConversion.Tally([Mixer()], [new AttendingProspect(Guid.NewGuid(), Guid.NewGuid(), s_day)], [], 180));
    }

    [Fact]
    public void A_shorter_window_converts_fewer()
    {
        var account = Guid.NewGuid();
        var tally = EventConversion.Tally([Mixer()], [new AttendingProspect(s_mixer, account, s_day.AddDays(100))], [new WonDeal(account, s_day.AddDays(100), 10m)], 90);

        Assert.Equal(new EventTally(s_mixer, 1, 0, 0m), Assert.Single(tally));
    }

    [Fact]
    public void By_kind_adds_up_every_event_of_the_kind_and_shows_every_kind()
    {
        var (second, webinar) = (Guid.NewGuid(), Guid.NewGuid());
        HeldEvent[] events = [Mixer(), Mixer(second, s_day.AddDays(7)), Mixer(webinar, kind: EventKind.Webinar)];
        EventTally[] tallies = [new(s_mixer, 5, 4, 100m), new(second, 5, 4, 50m), new(webinar, 10, 1, 5m)];

        var byKind = EventConversion.ByKind(events, tallies);

        Assert.Equal(Enum.GetValues<EventKind>().Length, byKind.Count);
        Assert.Equal(new KindConversion("ProspectMixer", "Prospect mixer", 2, 10, 8, 0.8, 150m), byKind[0]);
        Assert.Equal(new KindConversion("Webinar", "Webinar", 1, 10, 1, 0.1, 5m), byKind[1]);
        Assert.Equal(new KindConversion("Conference", "Conference", 0, 0, 0, null, 0m), byKind.Single(k => k.Kind == "Conference"));
    }

    [Fact]
    public void The_rate_is_none_when_nobody_came_and_rounded_to_four_places()
    {
        Assert.Null(EventConversion.Rate(0, 0));
        Assert.Equal(0.6667, EventConversion.Rate(2, 3));
    }
}
