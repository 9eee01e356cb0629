using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Features.Referrals;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Portal;

/// <summary>The advocate refers a peer, and sees whom they referred.</summary>
public sealed class ReferModel(ReferralIntake referrals, PortalAdvocate advocate, IStringLocalizer<Strings> text) : PageModel
{
    public sealed class ReferralForm
    {
        public string? Company { get; set; }
        public string? CompanyDomain { get; set; }
        public string? PersonName { get; set; }
        public string? PersonTitle { get; set; }
        public string? PersonEmail { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public ReferralForm Form { get; set; } = new();

    public IReadOnlyList<ReferralResponse> Referred { get; private set; } = [];
    public Refusal? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await advocate.ContactIdAsync(ct) is not { } contactId)
        {
            return NotFound();
        }
        return await this.SaveFormAsync(
            () => referrals.ReferAsync(contactId, new ReferralInput(Form.Company, Form.CompanyDomain, Form.PersonName, Form.PersonTitle, Form.PersonEmail, Form.Note), ct),
            referral => ("/portal/refer", text["Thank you for referring {0} at {1}. We will let you know how it goes.", referral.PersonName, referral.Company].Value),
            async refusal =>
            {
                Refusal = refusal;
                await LoadAsync(ct);
                return Page();
            });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Referred = await advocate.ContactIdAsync(ct) is { } contactId ? await referrals.ListAsync(contactId, ct) : [];
}
