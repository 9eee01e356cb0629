using Vouch.Features.Executives;

namespace Vouch.Tests.Unit.Programs;

public sealed class ConversationProgressTests
{
    [Theory]
    [InlineData(2026, 1, 1, 30, 0)]
    [InlineData(2026, 1, 13, 30, 1)]
    [InlineData(2026, 7, 2, 30, 15)]
    [InlineData(2026, 12, 31, 30, 30)]
    [InlineData(2028, 12, 31, 30, 30)]
    [InlineData(2026, 7, 2, 50, 25)]
    public void The_on_track_line_is_the_target_pro_rata_to_today_rounded_down(int year, int month, int day, int target, int line)
    {
        Assert.Equal(line, ConversationProgress.Of(target, 0, new DateOnly(year, month, day)).OnTrackLine);
    }

    [Fact]
    public void Fewer_than_the_line_is_behind_and_the_line_itself_is_on_track()
    {
        var july = new DateOnly(2026, 7, 2);

        var behind = ConversationProgress.Of(30, 14, july);
        var onTrack = ConversationProgress.Of(30, 15, july);

        Assert.Equal((true, 1, 16), (behind.Behind, behind.Short, behind.ToGo));
        Assert.Equal("14 of 30: 1 behind the line of 15 by today", behind.Words);
        Assert.Equal((false, 0, 15), (onTrack.Behind, onTrack.Short, onTrack.ToGo));
        Assert.Equal("15 of 30; on track (the line is 15 by today)", onTrack.Words);
    }

    [Fact]
    public void Beyond_the_target_is_on_track_with_none_to_go()
    {
        var progress = ConversationProgress.Of(30, 34, new DateOnly(2026, 12, 1));

        Assert.Equal((false, 0, 100), (progress.Behind, progress.ToGo, progress.Percent));
    }
}
