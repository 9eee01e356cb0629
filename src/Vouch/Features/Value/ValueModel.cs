namespace Vouch.Features.Value;

/// <summary>A won deal of a customer the account or contact referred, with the margin it earns.</summary>
public sealed record ReferredDeal(Guid ReferralId, string Company, Guid DealId, string DealName, decimal Amount, decimal MarginRate);

/// <summary>A delivered idea the customer asked for (wrote) or voted for.</summary>
public sealed record DeliveredIdea(Guid IdeaId, string Title);

/// <summary>A completed beta-feedback ask in the ledger.</summary>
public sealed record BetaFeedback(Guid EngagementId, string What, DateOnly On);

/// <summary>Everything the value of one account or one contact is worked out from, read from the records behind it.</summary>
/// <param name="AnnualGrossProfit">The gross profit the customer's buying earns a year; none when it is not on record.</param>
/// <param name="Referred">The won deals of the customers they referred.</param>
/// <param name="AskHours">The hours of the completed asks in their ledger: what supporting their advocacy took.</param>
/// <param name="Influenced">The won deals they touched, each with every touch of it.</param>
/// <param name="Ideas">Delivered ideas they wrote or voted for.</param>
/// <param name="BetaFeedback">Their completed beta-feedback asks.</param>
public sealed record ValueFacts(
    decimal? AnnualGrossProfit,
    IReadOnlyList<ReferredDeal> Referred,
    decimal AskHours,
    IReadOnlyList<InfluencedDeal> Influenced,
    IReadOnlyList<DeliveredIdea> Ideas,
    IReadOnlyList<BetaFeedback> BetaFeedback)
{
    public static ValueFacts Nothing(decimal? annualGrossProfit) => new(annualGrossProfit, [], 0, [], [], []);
}

/// <summary>
/// One record behind a part of the value: which deal, referral, idea or ask (<paramref name="Source"/> and
/// <paramref name="SourceId"/>), in words, what it adds, and for a share of a deal the rule and the share.
/// </summary>
public sealed record ValueLine(string Source, Guid? SourceId, string Description, decimal Amount, string? Rule = null, decimal? Share = null);

/// <summary>A part of the value: its amount and the lines that make it up, or no amount and the reason it cannot be computed.</summary>
public sealed record ValuePart(decimal? Amount, string? Reason, IReadOnlyList<ValueLine> Lines)
{
    public static ValuePart Of(IReadOnlyList<ValueLine> lines) => new(lines.Sum(l => l.Amount), null, lines);

    public static ValuePart CannotBeComputed(string reason) => new(null, reason, []);
}

/// <summary>
/// What a customer is worth: as a buyer (lifetime value) and beyond (referral, influence and knowledge value), the sum
/// (engagement value) and the hidden-wealth multiple, each with a reason when it cannot be computed.
/// </summary>
public sealed record EngagementValue(
    ValuePart Lifetime, ValuePart Referral, ValuePart Influence, ValuePart Knowledge,
    decimal? Engagement, decimal? Multiple, string? Reason)
{
    /// <summary>Referral, influence and knowledge value: what the customer is worth beyond what they buy.</summary>
    public decimal BeyondBuying => (Referral.Amount ?? 0) + (Influence.Amount ?? 0) + (Knowledge.Amount ?? 0);
}

/// <summary>
/// The value model (decision 25), pure: from a customer's records and the program's settings to each part of their
/// value with the lines behind it.
/// <list type="bullet">
/// <item>Lifetime value: the gross profit of each coming year t = 1…H, kept with the chance r^(t−1) that the customer
/// is still there, discounted by (1 + d)^t: LTV = Σ GP·r^(t−1)/(1+d)^t. 2,400 a year at r = 85 %, d = 10 %, H = 5 is 6,955.</item>
/// <item>Referral value: the margin (amount × margin rate) of the won deals of the customers they referred, less the
/// hours of their completed asks times the cost of supporting an hour of advocacy.</item>
/// <item>Influence value: their shares (<see cref="Attribution"/>) of the margin of won deals they helped win.</item>
/// <item>Knowledge value: delivered ideas they asked or voted for, and completed beta-feedback asks, at the program's rates.</item>
/// <item>Engagement value = the sum; multiple = (referral + influence + knowledge) ÷ annual gross profit, to one decimal.</item>
/// </list>
/// Without gross profit on record there is no lifetime value, engagement value or multiple, and each says why; a gross
/// profit of zero or less has no multiple either. Money is rounded to cents line by line; a part is the sum of its lines.
/// </summary>
public static class ValueModel
{
    public const string NoGrossProfit = "cannot be computed: no gross profit on record";
    public const string GrossProfitNotPositive = "cannot be computed: the gross profit on record is zero or less";

    public static EngagementValue Of(ValueFacts facts, ValueModelSettings settings)
    {
        var lifetime = Lifetime(facts.AnnualGrossProfit, settings);
        var referral = Referral(facts, settings);
        var influence = Influence(facts.Influenced, settings);
        var knowledge = Knowledge(facts, settings);
        var beyond = referral.Amount!.Value + influence.Amount!.Value + knowledge.Amount!.Value;
        return facts.AnnualGrossProfit switch
        {
            null => new EngagementValue(lifetime, referral, influence, knowledge, null, null, NoGrossProfit),
            <= 0 => new EngagementValue(lifetime, referral, influence, knowledge, lifetime.Amount + beyond, null, GrossProfitNotPositive),
            { } profit => new EngagementValue(lifetime, referral, influence, knowledge, lifetime.Amount + beyond, Math.Round(beyond / profit, 1), null),
        };
    }

    public static ValuePart Lifetime(decimal? annualGrossProfit, ValueModelSettings settings)
    {
        if (annualGrossProfit is not { } profit)
        {
            return ValuePart.CannotBeComputed(NoGrossProfit);
        }
        decimal value = 0, stays = 1, discount = 1;
        for (var year = 1; year <= settings.HorizonYears; year++)
        {
            discount *= 1 + settings.DiscountRate;
            value += profit * stays / discount;
            stays *= settings.RetentionRate;
        }
        var line = new ValueLine("account", null,
            $"{profit:N0} gross profit a year for {settings.HorizonYears} years, {settings.RetentionRate:P0} retained a year, discounted {settings.DiscountRate:P0} a year",
            Money(value));
        return ValuePart.Of([line]);
    }

    public static ValuePart Referral(ValueFacts facts, ValueModelSettings settings)
    {
        var lines = facts.Referred.Select(r => new ValueLine("referral", r.ReferralId,
            $"Referred {r.Company}: {r.DealName} won {r.Amount:N0} × {r.MarginRate:P0} margin", Money(r.Amount * r.MarginRate))).ToList();
        if (facts.AskHours > 0 && settings.AdvocacyCostPerHour > 0)
        {
            lines.Add(new ValueLine("advocacy-cost", null,
                $"Supporting {facts.AskHours:0.##} hours of asks at {settings.AdvocacyCostPerHour:N0} an hour", -Money(facts.AskHours * settings.AdvocacyCostPerHour)));
        }
        return ValuePart.Of(lines);
    }

    public static ValuePart Influence(IReadOnlyList<InfluencedDeal> deals, ValueModelSettings settings)
    {
        var lines = new List<ValueLine>();
        foreach (var deal in deals)
        {
            foreach (var share in Attribution.Shares(deal, settings).Where(s => s.Touch.Ours && s.Share > 0))
            {
                lines.Add(new ValueLine("deal", deal.DealId,
                    $"{share.Touch.What} by {share.Touch.Contact}: {deal.Name} ({deal.Account}) won {deal.Amount:N0} × {deal.MarginRate:P0} margin × {share.Share:P0}",
                    Money(deal.Amount * deal.MarginRate * share.Share), share.Rule, Math.Round(share.Share, 4)));
            }
        }
        return ValuePart.Of(lines);
    }

    public static ValuePart Knowledge(ValueFacts facts, ValueModelSettings settings) => ValuePart.Of(
    [
        .. facts.Ideas.Select(i => new ValueLine("idea", i.IdeaId, $"Delivered idea: {i.Title}", settings.ValuePerDeliveredIdea)),
        .. facts.BetaFeedback.Select(b => new ValueLine("beta-feedback", b.EngagementId, $"{b.What} on {b.On:d MMM yyyy}", settings.ValuePerBetaFeedback)),
    ]);

    /// <summary>"13.8×", or the reason there is no multiple.</summary>
    public static string MultipleText(EngagementValue value) => value.Multiple is { } m ? $"{m:0.0}×" : value.Reason ?? "";

    private static decimal Money(decimal amount) => Math.Round(amount, 2);
}
