using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Value;

/// <summary>The value model's settings as the API takes them; a field left out keeps its value. Rates are fractions: 0.85 is 85 %.</summary>
public sealed record ValueSettingsBody(
    decimal? RetentionRate,
    decimal? DiscountRate,
    int? HorizonYears,
    string? Attribution,
    IReadOnlyDictionary<string, decimal>? ActivityWeights,
    decimal? AdvocacyCostPerHour,
    decimal? ValuePerDeliveredIdea,
    decimal? ValuePerBetaFeedback,
    decimal? DefaultGrossMargin,
    decimal? MatteredMostBoost,
    int? TouchWindowDays,
    Guid? Version);

/// <summary>The value model's settings, with the version to send back with a change.</summary>
public sealed record ValueSettingsResponse(
    decimal RetentionRate,
    decimal DiscountRate,
    int HorizonYears,
    string Attribution,
    IReadOnlyDictionary<string, decimal> ActivityWeights,
    decimal AdvocacyCostPerHour,
    decimal ValuePerDeliveredIdea,
    decimal ValuePerBetaFeedback,
    decimal DefaultGrossMargin,
    decimal MatteredMostBoost,
    int TouchWindowDays,
    IReadOnlyList<string> WeightKeys,
    Guid Version);

/// <summary>
/// Reads and changes the value model's settings. Settings outside sense are refused field by field and nothing changes;
/// a change marks every stored value stale, and the refresh job works them out again (decision 25).
/// </summary>
public sealed class ValueSettingsStore(VouchDbContext db)
{
    public const int MaxHorizonYears = 50;
    public const int MaxTouchWindowDays = 3_650;
    public const decimal MaxBoost = 10m;
    public const decimal MaxMoney = 1_000_000_000m;

    /// <summary>How far from 1 the weights may add up, for weights typed to a few decimals (three thirds).</summary>
    public const decimal WeightTolerance = 0.001m;

    /// <summary>The settings the engine reads: the saved row, or the defaults.</summary>
    public async Task<ValueModelSettings> CurrentAsync(CancellationToken ct) =>
        (await db.Set<ValueSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == ValueSettings.TheRow, ct))?.ToModel() ?? ValueModelSettings.Defaults;

    public async Task<ValueSettingsResponse> GetAsync(CancellationToken ct)
    {
        var row = await db.Set<ValueSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == ValueSettings.TheRow, ct);
        return ResponseOf(row?.ToModel() ?? ValueModelSettings.Defaults, row?.Version ?? ValueSettings.DefaultsVersion, await WeightKeysAsync(ct));
    }

    public async Task<CommandResult<ValueSettingsResponse>> SaveAsync(ValueSettingsBody body, CancellationToken ct)
    {
        var row = await db.Set<ValueSettings>().SingleOrDefaultAsync(s => s.Id == ValueSettings.TheRow, ct);
        var current = row?.ToModel() ?? ValueModelSettings.Defaults;
        var keys = await WeightKeysAsync(ct);
        var errors = new ValidationErrors();
        var changed = Validate(body, current, keys, errors);
        if (body.Version is null)
        {
            errors.Add("version", Versioning.VersionRequired);
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (body.Version != (row?.Version ?? ValueSettings.DefaultsVersion))
        {
            return Refusal.StaleVersion;
        }
        if (row is null)
        {
            row = new ValueSettings();
            row.Set(changed);
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone saved the first settings at the same moment.
                return Refusal.StaleVersion;
            }
        }
        else
        {
            row.Set(changed);
            if (await db.SaveOverAsync(row, body.Version.Value, ct) is { Succeeded: false } refused)
            {
                return refused.Refusal;
            }
        }
        return ResponseOf(changed, row.Version, keys);
    }

    /// <summary>The settings the body asks for over <paramref name="current"/>, with what is wrong with them in <paramref name="errors"/>.</summary>
    public static ValueModelSettings Validate(ValueSettingsBody body, ValueModelSettings current, IReadOnlyCollection<string> weightKeys, ValidationErrors errors)
    {
        var retention = body.RetentionRate ?? current.RetentionRate;
        if (retention is < 0 or > 1)
        {
            errors.Add("retentionRate", $"retentionRate must be between 0 and 1 (0.85 is 85 %); {retention} is {retention * 100:0.##} %.");
        }
        var discount = body.DiscountRate ?? current.DiscountRate;
        if (discount is < 0 or >= 1)
        {
            errors.Add("discountRate", $"discountRate must be 0 or more and under 1 (0.10 is 10 %); {discount} is {discount * 100:0.##} %.");
        }
        var horizon = body.HorizonYears ?? current.HorizonYears;
        if (horizon is < 1 or > MaxHorizonYears)
        {
            errors.Add("horizonYears", $"horizonYears must be a whole number of years from 1 to {MaxHorizonYears}; {horizon} is not.");
        }
        var rule = current.Attribution;
        if (body.Attribution is not null)
        {
            if (EnumText.TryParse<AttributionRule>(body.Attribution, out var parsed))
            {
                rule = parsed;
            }
            else
            {
                errors.Add("attribution", EnumText.MustBeOneOf<AttributionRule>("attribution"));
            }
        }
        var weights = body.ActivityWeights ?? current.ActivityWeights;
        if (body.ActivityWeights is not null || rule == AttributionRule.WeightedByActivity)
        {
            var unknown = weights.Keys.Where(k => !weightKeys.Contains(k)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                errors.Add("activityWeights", $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not an activity type key" : "are not activity type keys")}; the keys are {string.Join(", ", weightKeys)}.");
            }
            if (weights.Where(w => w.Value is < 0 or > 1).Select(w => w.Key).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } outside)
            {
                errors.Add("activityWeights", $"Each weight must be between 0 and 1; {string.Join(", ", outside)} {(outside.Count == 1 ? "is" : "are")} not.");
            }
            var sum = weights.Values.Sum();
            if (Math.Abs(sum - 1) > WeightTolerance)
            {
                errors.Add("activityWeights", $"The weights must add up to 1; these add up to {sum:0.###}.");
            }
        }
        var cost = NotNegative("advocacyCostPerHour", body.AdvocacyCostPerHour ?? current.AdvocacyCostPerHour, errors);
        var idea = NotNegative("valuePerDeliveredIdea", body.ValuePerDeliveredIdea ?? current.ValuePerDeliveredIdea, errors);
        var beta = NotNegative("valuePerBetaFeedback", body.ValuePerBetaFeedback ?? current.ValuePerBetaFeedback, errors);
        var margin = body.DefaultGrossMargin ?? current.DefaultGrossMargin;
        if (margin is < 0 or > 1)
        {
            errors.Add("defaultGrossMargin", $"defaultGrossMargin must be between 0 and 1 (0.40 is 40 %); {margin} is {margin * 100:0.##} %.");
        }
        var boost = body.MatteredMostBoost ?? current.MatteredMostBoost;
        if (boost is < 1 or > MaxBoost)
        {
            errors.Add("matteredMostBoost", $"matteredMostBoost must be between 1 (the buyer's answer changes nothing) and {MaxBoost}; {boost} is not.");
        }
        var window = body.TouchWindowDays ?? current.TouchWindowDays;
        if (window is < 1 or > MaxTouchWindowDays)
        {
            errors.Add("touchWindowDays", $"touchWindowDays must be from 1 to {MaxTouchWindowDays}; {window} is not.");
        }
        return new ValueModelSettings(retention, discount, horizon, rule, weights, cost, idea, beta, margin, boost, window);
    }

    /// <summary>The keys a weight may name: every activity type's, and attending an event.</summary>
    public async Task<IReadOnlyList<string>> WeightKeysAsync(CancellationToken ct) =>
        [.. (await db.ActivityTypes.AsNoTracking().Select(t => t.Key).ToListAsync(ct)).Append(Attribution.EventAttendanceKey).Order(StringComparer.Ordinal)];

    private static decimal NotNegative(string field, decimal value, ValidationErrors errors)
    {
        if (value is < 0 or > MaxMoney)
        {
            errors.Add(field, $"{field} must be 0 or more (and at most {MaxMoney:N0}); {value} is not.");
        }
        return value;
    }

    private static ValueSettingsResponse ResponseOf(ValueModelSettings s, Guid version, IReadOnlyList<string> keys) => new(
        s.RetentionRate, s.DiscountRate, s.HorizonYears, s.Attribution.ToString(),
        s.ActivityWeights.OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary(), s.AdvocacyCostPerHour, s.ValuePerDeliveredIdea,
        s.ValuePerBetaFeedback, s.DefaultGrossMargin, s.MatteredMostBoost, s.TouchWindowDays, keys, version);
}
