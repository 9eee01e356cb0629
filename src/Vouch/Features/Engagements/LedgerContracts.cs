namespace Vouch.Features.Engagements;

/// <summary>
/// A give/ask balance as the API and the pages show it: counts and hours of each side, given minus asked in hours,
/// whether the advocate is owed a give, the window in days and the balance in words.
/// </summary>
public sealed record BalanceResponse(int Asks, decimal AskedHours, int Gives, decimal GivenHours, decimal Hours, bool Owed, int WindowDays, string Words)
{
    public static BalanceResponse Of(GiveAskBalance balance, decimal owedAfterHours) => new(
        balance.Asks, balance.AskedHours, balance.Gives, balance.GivenHours, balance.Hours, balance.IsOwed(owedAfterHours),
        balance.WindowDays, balance.Describe());
}

/// <summary>
/// One entry of a contact's ledger. An ask names its activity and request and weighs its activity's effort; a give
/// names what was given, its credit hours and the offer or gift behind it.
/// </summary>
public sealed record LedgerItem(
    Guid Id, string Kind, string Status, DateTimeOffset At, string What, string? Activity, Guid? RequestId, decimal Hours,
    Guid? OfferId, Guid? GiftId);

/// <summary>A contact's ledger, newest first, a page at a time, with their balance.</summary>
public sealed record LedgerResponse(IReadOnlyList<LedgerItem> Items, int Total, int Page, int PageSize, BalanceResponse Balance);

/// <summary>A give recorded by hand: an introduction, a seat. <c>on</c> is the day it was given (today when left out).</summary>
public sealed record GiveInput(string? Title, decimal? CreditHours, DateOnly? On);

/// <summary>One advocate of the "Owed a give" report: their balance and the hours asked beyond those given.</summary>
public sealed record OwedAdvocate(Guid ContactId, string Name, string Account, decimal HoursOwed, BalanceResponse Balance);

/// <summary>
/// One line of the advocate's own history: what they did for us (an ask, scheduled or completed) or what they received
/// (a give delivered: an offer, a gift, an introduction). Never the notes about them.
/// </summary>
public sealed record HistoryItem(Guid Id, string Kind, string What, string Status, DateTimeOffset At, decimal Hours);

/// <summary>The advocate's history, newest first, with their balance.</summary>
public sealed record HistoryResponse(IReadOnlyList<HistoryItem> Items, BalanceResponse Balance);
