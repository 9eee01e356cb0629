using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Referrals;

/// <summary>The team records a referral an advocate made, from the advocate's contact page or by their email.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class NewModel(ReferralIntake intake, VouchDbContext db, IStringLocalizer<Strings> text) : PageModel
{
    public sealed class ReferralForm
    {
        public Guid? ReferrerContactId { get; set; }
        public string? ReferrerEmail { get; set; }
        public string? ProspectCompany { get; set; }
        public string? CompanyDomain { get; set; }
        public string? ProspectName { get; set; }
        public string? ProspectTitle { get; set; }
        public string? ProspectEmail { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public ReferralForm Form { get; set; } = new();

    /// <summary>The advocate, when the page was opened from their contact page.</summary>
    public string? Referrer { get; private set; }
    public Refusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? contactId, CancellationToken ct)
    {
        Form.ReferrerContactId = contactId;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Form.ReferrerContactId is null && !string.IsNullOrWhiteSpace(Form.ReferrerEmail))
        {
            var email = Form.ReferrerEmail.Trim();
            var lower = email.ToLowerInvariant();
            Form.ReferrerContactId = await db.Contacts.Where(c => c.Email == email || c.Email == lower).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (Form.ReferrerContactId is null)
            {
                Refusal = Refusal.Invalid("referrerEmail", text["No contact has the email {0}.", email]);
                return Page();
            }
        }
        return await this.SaveFormAsync(
            () => intake.RecordAsync(new ReferralBody(Form.ReferrerContactId, Form.ProspectCompany, Form.ProspectName, Form.ProspectEmail, Form.ProspectTitle,
                Form.CompanyDomain, Form.Note), ct),
            recorded => ($"/referrals/{recorded.Id}", recorded.IsNew
                ? text["The referral is recorded and credited to the advocate."].Value
                : text["This prospect was referred already: the first referral keeps the credit, and this advocate is noted as having referred them too."].Value),
            async refusal =>
            {
                Refusal = refusal;
                await LoadAsync(ct);
                return Page();
            });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Form.ReferrerContactId is not { } id)
        {
            return true;
        }
        var referrer = await db.Contacts.Where(c => c.Id == id).Select(c => new { Name = c.FirstName + " " + c.LastName, Account = c.Account!.Name }).SingleOrDefaultAsync(ct);
        Referrer = referrer is null ? null : text["{0} at {1}", referrer.Name, referrer.Account].Value;
        return Referrer is not null;
    }
}
