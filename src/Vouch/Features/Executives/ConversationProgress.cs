namespace Vouch.Features.Executives;

/// <summary>
/// An executive's conversations this year against their yearly target. The on-track line is the target pro rata to
/// today, rounded down: with 30 a year, 15 by 2 July. Behind is fewer held than the line: one short of a steady pace
/// is already behind, since the year does not wait.
/// </summary>
public sealed record ConversationProgress(int Year, int Target, int Held, int OnTrackLine)
{
    public bool Behind => Held < OnTrackLine;

    /// <summary>How many short of the line; 0 when on track.</summary>
    public int Short => Math.Max(0, OnTrackLine - Held);

    /// <summary>How many are left to reach the target this year.</summary>
    public int ToGo => Math.Max(0, Target - Held);

    /// <summary>Held as a share of the target, 0 to 100, for a progress bar.</summary>
    public int Percent => Target == 0 ? 100 : Math.Min(100, Held * 100 / Target);

    public static ConversationProgress Of(int target, int held, DateOnly today)
    {
        var daysInYear = DateTime.IsLeapYear(today.Year) ? 366 : 365;
        // Integer maths, so the line is exact: day 365 of 365 is the whole target, never 29.999….
        var line = target * today.DayOfYear / daysInYear;
        return new ConversationProgress(today.Year, target, held, line);
    }

    /// <summary>"12 of 30; on track is 9 by today" or "4 of 30: 5 behind the line of 9 by today".</summary>
    public string Words => Behind
        ? $"{Held} of {Target}: {Short} behind the line of {OnTrackLine} by today"
        : $"{Held} of {Target}; on track (the line is {OnTrackLine} by today)";
}
