using System.Globalization;

namespace Vouch.Features.Gifts;

/// <summary>
/// The program's gift limits (decision 20), all in one currency: a rolling year's value per advocate, the value per
/// occasion, stricter limits of both for contacts in the public sector, the value above which a gift waits for approval,
/// and the hours of the advocate's time a gift is credited with in the give/ask balance.
/// </summary>
public sealed record GiftRules(
    string Currency, decimal YearlyLimit, decimal OccasionLimit, decimal PublicSectorYearlyLimit, decimal PublicSectorOccasionLimit,
    decimal ApprovalAbove, decimal HoursPerGift)
{
    public static readonly GiftRules Default = new("USD", 150, 75, 50, 20, 50, 1);
}

/// <summary>
/// A gift to be judged: to whom (their name, for the refusal), worth how much in which currency, given on which day for
/// which occasion, whether it would be tied to a reference request or a deal, whether the contact is in the public sector
/// and whether the person recording it asks for an exception to a limit.
/// </summary>
public sealed record ProposedGift(
    string Recipient, decimal Value, string Currency, DateOnly GivenOn, string? Occasion,
    bool TiedToRequest = false, bool TiedToDeal = false, bool PublicSector = false, bool AsksException = false);

/// <summary>A gift the advocate already has (given, or waiting for approval), as the limits count it.</summary>
public sealed record PastGift(decimal Value, string Currency, DateOnly GivenOn, string? Occasion);

public enum GiftOutcome
{
    /// <summary>Within the policy: given at once.</summary>
    Given,

    /// <summary>Above the approval threshold, or an exception to a limit: waits for a reference manager or an admin.</summary>
    AwaitingApproval,

    /// <summary>Against the policy: nothing is recorded.</summary>
    Refused,
}

/// <summary>
/// What the policy says of a gift: its outcome, the rule that decided it (a title) and the numbers (a detail); for an
/// exception, <see cref="Exception"/> is the limit it breaks, in the policy's words, kept with the gift.
/// </summary>
public sealed record GiftVerdict(GiftOutcome Outcome, string? Rule = null, string? Detail = null, string? Exception = null)
{
    public static readonly GiftVerdict Allowed = new(GiftOutcome.Given);
}

/// <summary>
/// The gift policy as a pure rule: the never-rules first (a gift is worth something, is never tied to a request or a
/// deal, is in the policy's currency), then the limits per occasion and per rolling year (the public sector's where
/// stricter), then the approval threshold. A limit broken refuses the gift unless an exception is asked for, which then
/// waits for approval like a gift above the threshold.
/// </summary>
public static class GiftPolicy
{
    public static GiftVerdict Judge(GiftRules rules, ProposedGift gift, IEnumerable<PastGift> past)
    {
        if (gift.Value <= 0)
        {
            return Refuse("A gift is worth more than nothing.", $"A gift's value must be more than 0; {Amount(gift.Value, gift.Currency)} is not.");
        }
        if (gift.TiedToRequest || gift.TiedToDeal)
        {
            var what = gift.TiedToRequest ? "reference request" : "deal";
            return Refuse(
                "No gift is tied to a reference request or a deal.",
                $"A gift may never be tied to a specific {what}: given for one, it pays for the reference and reads as a low-grade bribe. " +
                "Thank the advocate for the relationship instead, with no request or deal named.");
        }
        if (!string.Equals(gift.Currency, rules.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(
                "The gift is not in the policy's currency.",
                $"The gift policy counts every limit in {rules.Currency}; a gift in {gift.Currency.ToUpperInvariant()} cannot be weighed against them. " +
                $"Record its value in {rules.Currency}.");
        }

        var counted = past.Where(p => string.Equals(p.Currency, rules.Currency, StringComparison.OrdinalIgnoreCase)).ToList();
        var sector = gift.PublicSector ? " in the public sector" : "";
        var occasionLimit = gift.PublicSector ? Math.Min(rules.OccasionLimit, rules.PublicSectorOccasionLimit) : rules.OccasionLimit;
        var yearlyLimit = gift.PublicSector ? Math.Min(rules.YearlyLimit, rules.PublicSectorYearlyLimit) : rules.YearlyLimit;
        var breaches = new List<(string Rule, string Detail)>();

        var occasion = Occasion(gift.Occasion);
        var sameOccasion = counted.Where(p => p.GivenOn == gift.GivenOn && Occasion(p.Occasion) == occasion).Sum(p => p.Value);
        if (sameOccasion + gift.Value > occasionLimit)
        {
            var named = occasion.Length == 0 ? $"on {Day(gift.GivenOn)}" : $"for \"{gift.Occasion!.Trim()}\" on {Day(gift.GivenOn)}";
            breaches.Add(($"Over the limit per occasion{sector}.", sameOccasion == 0
                ? $"The limit per occasion{sector} is {Amount(occasionLimit, rules.Currency)}; {Amount(gift.Value, rules.Currency)} is over it."
                : $"The limit per occasion{sector} is {Amount(occasionLimit, rules.Currency)}; {gift.Recipient} has had {Amount(sameOccasion, rules.Currency)} {named}, " +
                  $"so {Amount(gift.Value, rules.Currency)} would make {Amount(sameOccasion + gift.Value, rules.Currency)}."));
        }
        var since = YearStart(gift.GivenOn);
        var inYear = counted.Where(p => p.GivenOn >= since).Sum(p => p.Value);
        if (inYear + gift.Value > yearlyLimit)
        {
            breaches.Add(($"Over the yearly limit per advocate{sector}.",
                $"The yearly limit per advocate{sector} is {Amount(yearlyLimit, rules.Currency)}; {gift.Recipient} has had {Amount(inYear, rules.Currency)} " +
                $"since {Day(since)}, so {Amount(gift.Value, rules.Currency)} would make {Amount(inYear + gift.Value, rules.Currency)}."));
        }
        var rule = breaches.Count == 0 ? null : breaches[0].Rule;
        var breach = breaches.Count == 0 ? null : string.Join(" ", breaches.Select(b => b.Detail));

        if (breach is not null)
        {
            return gift.AsksException
                ? new GiftVerdict(GiftOutcome.AwaitingApproval, rule, breach + " Kept as an exception until a reference manager or an admin approves it.", breach)
                : Refuse(rule!, breach + " Ask for an exception, with a reason, to have it approved anyway.");
        }
        if (gift.Value > rules.ApprovalAbove)
        {
            return new GiftVerdict(
                GiftOutcome.AwaitingApproval, "Above the approval threshold.",
                $"Gifts worth more than {Amount(rules.ApprovalAbove, rules.Currency)} wait for a reference manager or an admin to approve them.");
        }
        return GiftVerdict.Allowed;
    }

    /// <summary>The first day of the rolling year that ends on <paramref name="day"/>.</summary>
    public static DateOnly YearStart(DateOnly day) => day.AddYears(-1).AddDays(1);

    public static string Amount(decimal value, string currency) =>
        $"{value.ToString("0.##", CultureInfo.InvariantCulture)} {currency.ToUpperInvariant()}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Occasion(string? occasion) => occasion?.Trim().ToUpperInvariant() ?? "";

    private static GiftVerdict Refuse(string rule, string detail) => new(GiftOutcome.Refused, rule, detail);
}
