using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Gifts;

/// <summary>Admins set the gift policy: currency, limits, the approval threshold, credit hours, the public sector.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class PolicyModel(GiftRegister gifts, VouchDbContext db, IStringLocalizer<Strings> text) : PageModel
{
    public GiftPolicyResponse Current { get; private set; } = null!;
    public IReadOnlyList<string> Industries { get; private set; } = [];
    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(null, ct);

    public Task<IActionResult> OnPostAsync(
        string? currency, decimal? yearlyLimit, decimal? occasionLimit, decimal? publicSectorYearlyLimit, decimal? publicSectorOccasionLimit,
        decimal? approvalAbove, decimal? hoursPerGift, string[]? publicSectorIndustries, Guid? version, CancellationToken ct)
    {
        var input = new GiftPolicyInput(currency, yearlyLimit, occasionLimit, publicSectorYearlyLimit, publicSectorOccasionLimit,
            approvalAbove, hoursPerGift, publicSectorIndustries ?? [], version);
        return this.SaveFormAsync(
            () => gifts.UpdatePolicyAsync(input, ct),
            _ => ("/gifts/policy", text["The gift policy was saved."].Value),
            refusal => ShowAsync(refusal, ct));
    }

    private async Task<IActionResult> ShowAsync(Refusal? refusal, CancellationToken ct)
    {
        Refusal = refusal;
        Current = await gifts.PolicyResponseAsync(ct);
        Industries = await db.Industries.OrderBy(i => i.Name).Select(i => i.Name).ToListAsync(ct);
        return Page();
    }
}
