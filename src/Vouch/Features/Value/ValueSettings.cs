using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Value;

/// <summary>
/// The value model's settings, one row, which the reference team changes. Until it is first saved the defaults of
/// <see cref="ValueModelSettings.Defaults"/> apply; the rates are fractions (0.85 is 85 %).
/// </summary>
public sealed class ValueSettings : IVersioned
{
    /// <summary>The one row's key.</summary>
    public const int TheRow = 1;

    /// <summary>The version of the defaults before the row is saved for the first time.</summary>
    public static readonly Guid DefaultsVersion = new("0199a0f0-0000-7000-8000-00000000025a");

    public int Id { get; set; } = TheRow;
    public decimal RetentionRate { get; set; }
    public decimal DiscountRate { get; set; }
    public int HorizonYears { get; set; }
    public AttributionRule Attribution { get; set; }

    /// <summary>The weight of each activity type key, as JSON: a map is not a column of either database.</summary>
    public string ActivityWeights { get; set; } = "{}";
    public decimal AdvocacyCostPerHour { get; set; }
    public decimal ValuePerDeliveredIdea { get; set; }
    public decimal ValuePerBetaFeedback { get; set; }
    public decimal DefaultGrossMargin { get; set; }
    public decimal MatteredMostBoost { get; set; }
    public int TouchWindowDays { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public ValueModelSettings ToModel() => new(
        RetentionRate, DiscountRate, HorizonYears, Attribution, WeightsOf(ActivityWeights), AdvocacyCostPerHour,
        ValuePerDeliveredIdea, ValuePerBetaFeedback, DefaultGrossMargin, MatteredMostBoost, TouchWindowDays);

    public void Set(ValueModelSettings s)
    {
        (RetentionRate, DiscountRate, HorizonYears, Attribution) = (s.RetentionRate, s.DiscountRate, s.HorizonYears, s.Attribution);
        ActivityWeights = JsonSerializer.Serialize(s.ActivityWeights.OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary());
        (AdvocacyCostPerHour, ValuePerDeliveredIdea, ValuePerBetaFeedback) = (s.AdvocacyCostPerHour, s.ValuePerDeliveredIdea, s.ValuePerBetaFeedback);
        (DefaultGrossMargin, MatteredMostBoost, TouchWindowDays) = (s.DefaultGrossMargin, s.MatteredMostBoost, s.TouchWindowDays);
    }

    private static Dictionary<string, decimal> WeightsOf(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [], StringComparer.Ordinal);
}

internal sealed class ValueSettingsConfiguration : IEntityTypeConfiguration<ValueSettings>
{
    public void Configure(EntityTypeBuilder<ValueSettings> builder)
    {
        builder.ToTable("ValueSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Attribution).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.ActivityWeights).HasMaxLength(4_000);
        foreach (var money in new[] { nameof(ValueSettings.AdvocacyCostPerHour), nameof(ValueSettings.ValuePerDeliveredIdea), nameof(ValueSettings.ValuePerBetaFeedback) })
        {
            builder.Property(money).HasPrecision(18, 2);
        }
        foreach (var rate in new[] { nameof(ValueSettings.RetentionRate), nameof(ValueSettings.DiscountRate), nameof(ValueSettings.DefaultGrossMargin), nameof(ValueSettings.MatteredMostBoost) })
        {
            builder.Property(rate).HasPrecision(9, 4);
        }
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
