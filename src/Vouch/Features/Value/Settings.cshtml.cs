using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Value;

/// <summary>The value model's settings: read by executives, changed by the reference team, refused field by field when out of sense.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class SettingsModel(ValueSettingsStore store, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public sealed class SettingsForm
    {
        public decimal? RetentionRate { get; set; }
        public decimal? DiscountRate { get; set; }
        public int? HorizonYears { get; set; }
        public string? Attribution { get; set; }

        /// <summary>One "key = weight" a line.</summary>
        public string? ActivityWeights { get; set; }
        public decimal? AdvocacyCostPerHour { get; set; }
        public decimal? ValuePerDeliveredIdea { get; set; }
        public decimal? ValuePerBetaFeedback { get; set; }
        public decimal? DefaultGrossMargin { get; set; }
        public decimal? MatteredMostBoost { get; set; }
        public int? TouchWindowDays { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public ValueSettingsResponse Current { get; private set; } = null!;
    public bool MayChange { get; private set; }
    public Refusal? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var c = Current;
        Form = new SettingsForm
        {
            RetentionRate = c.RetentionRate, DiscountRate = c.DiscountRate, HorizonYears = c.HorizonYears, Attribution = c.Attribution,
            ActivityWeights = string.Join("\n", c.ActivityWeights.Select(w => $"{w.Key} = {w.Value.ToString(CultureInfo.InvariantCulture)}")),
            AdvocacyCostPerHour = c.AdvocacyCostPerHour, ValuePerDeliveredIdea = c.ValuePerDeliveredIdea, ValuePerBetaFeedback = c.ValuePerBetaFeedback,
            DefaultGrossMargin = c.DefaultGrossMargin, MatteredMostBoost = c.MatteredMostBoost, TouchWindowDays = c.TouchWindowDays, Version = c.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        return await this.SaveFormAsync(
            async () =>
            {
                if (WeightsOf(Form.ActivityWeights) is not { } weights)
                {
                    return Refusal.Invalid("activityWeights", text["Give one weight a line, as key = weight (reference-call = 0.3)."]);
                }
                return await store.SaveAsync(new ValueSettingsBody(Form.RetentionRate, Form.DiscountRate, Form.HorizonYears, Form.Attribution, weights,
                    Form.AdvocacyCostPerHour, Form.ValuePerDeliveredIdea, Form.ValuePerBetaFeedback, Form.DefaultGrossMargin, Form.MatteredMostBoost,
                    Form.TouchWindowDays, Form.Version), ct);
            },
            _ => ("/value/settings", text["The value model's settings are saved; every customer's value is being worked out again."].Value),
            async refusal =>
            {
                Refusal = refusal;
                await LoadAsync(ct);
                return Page();
            });
    }

    /// <summary>"key = weight" lines as a map; none when a line is not that.</summary>
    public static Dictionary<string, decimal>? WeightsOf(string? text)
    {
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var weight) || !weights.TryAdd(parts[0], weight))
            {
                return null;
            }
        }
        return weights;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await store.GetAsync(ct);
        MayChange = await user.MayAsync(Policies.ManageInventory);
    }
}
