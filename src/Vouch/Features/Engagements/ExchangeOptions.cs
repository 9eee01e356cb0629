namespace Vouch.Features.Engagements;

/// <summary>How the give/ask balance is read (decision 19): over which window, and when an advocate is owed a give.</summary>
public sealed class ExchangeOptions
{
    public const int DefaultWindowDays = 365;

    /// <summary>The rolling window the balance counts, in days up to today.</summary>
    public int BalanceWindowDays { get; set; } = DefaultWindowDays;

    /// <summary>
    /// How many more hours an advocate may have been asked than given before they are owed a give: four, about a
    /// site visit or four reference calls with nothing in return.
    /// </summary>
    public decimal OwedAfterHours { get; set; } = 4;
}
