namespace Vouch.Features.Engagements;

/// <summary>One ledger entry as the balance reads it: its side, its day and the hours it weighs.</summary>
/// <remarks>
/// Hours: for an ask, its activity's effort; for a give, the hours it is credited with. Counts: whether it weighs at
/// all: an ask the advocate has not been released from, a give that was delivered.
/// </remarks>
public sealed record BalanceEntry(EngagementKind Kind, DateOnly On, decimal Hours, bool Counts);

/// <summary>
/// What the program asked of one advocate and gave them over a rolling window, in hours of the advocate's time
/// (decision 19). Positive when we gave more than we asked.
/// </summary>
public sealed record GiveAskBalance(int Asks, decimal AskedHours, int Gives, decimal GivenHours, int WindowDays)
{
    public static readonly GiveAskBalance Empty = new(0, 0, 0, 0, ExchangeOptions.DefaultWindowDays);

    public decimal Hours => GivenHours - AskedHours;

    /// <summary>Whether the advocate is owed a give before the next ask: asked at least the threshold more than given.</summary>
    public bool IsOwed(decimal owedAfterHours) => AskedHours - GivenHours >= owedAfterHours;

    /// <summary>The balance in words, as matching, recommendations and the advocate's page say it.</summary>
    public string Describe()
    {
        var period = WindowDays == ExchangeOptions.DefaultWindowDays ? "in the last year" : $"in the last {WindowDays} days";
        var asked = Asks == 0 ? "asked nothing" : $"asked {Times(Asks)} ({Hours(AskedHours)})";
        var given = Gives == 0 ? "given nothing" : $"given {Gives} ({Hours(GivenHours)})";
        return $"{asked}, {given} {period}";

        static string Times(int n) => n == 1 ? "once" : $"{n} times";
        static string Hours(decimal h) => $"{h:0.##} h";
    }

    /// <summary>The balance of one advocate's entries, over the window ending today.</summary>
    public static GiveAskBalance Of(IEnumerable<BalanceEntry> entries, DateOnly today, int windowDays = ExchangeOptions.DefaultWindowDays)
    {
        var from = today.AddDays(-windowDays + 1);
        var (asks, asked, gives, given) = (0, 0m, 0, 0m);
        foreach (var entry in entries)
        {
            if (!entry.Counts || entry.On < from || entry.On > today)
            {
                continue;
            }
            if (entry.Kind == EngagementKind.Ask)
            {
                (asks, asked) = (asks + 1, asked + entry.Hours);
            }
            else
            {
                (gives, given) = (gives + 1, given + entry.Hours);
            }
        }
        return new(asks, asked, gives, given, windowDays);
    }
}
