using Vouch.Features.Events;

namespace Vouch.Tests.Unit.Programs;

public sealed class UpcomingEventWordsTests
{
    [Fact]
    public void Words_of_the_use_case_find_an_event_about_it()
    {
        var words = UpcomingEventAlternatives.Words("Automated invoicing across subsidiaries");

        Assert.Equal(["Automated", "invoicing", "subsidiaries"], words.Order(StringComparer.Ordinal));
        Assert.True(words.Overlaps(UpcomingEventAlternatives.Words("Invoicing at scale: a customer panel")));
        Assert.False(words.Overlaps(UpcomingEventAlternatives.Words("Security roadmap")));
    }
}
