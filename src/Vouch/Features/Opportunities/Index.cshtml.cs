using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.Opportunities;

/// <summary>Open deals: a seller's own, or everyone's for managers and executives; where a reference is asked for, and a new deal is added.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(VouchDbContext db, OpportunityWrites writes, CurrentUser user) : PageModel
{
    public const int Shown = 100;

    public sealed record Row(Guid Id, string Name, string Account, decimal Amount, string Stage, DateOnly CloseDate, string? Owner);

    public sealed class DealForm
    {
        public string? Account { get; set; }
        public string? Name { get; set; }
        public decimal? Amount { get; set; }
        public string? Stage { get; set; }
        public DateOnly? CloseDate { get; set; }
        public string? Competitor { get; set; }
    }

    [BindProperty]
    public DealForm Form { get; set; } = new();

    public IReadOnlyList<Row> Opportunities { get; private set; } = [];
    public bool MayCreate { get; private set; }
    public Refusal? Refusal { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await user.MayAsync(RequestsModule.RequestReferences))
        {
            return Forbid();
        }
        var access = await OpportunityAccess.OfAsync(user);
        var account = Form.Account?.Trim().ToLowerInvariant();
        // The account by its name, as people know it; a name no account has is named in the refusal.
        var accountId = string.IsNullOrEmpty(account) ? null
            : await db.Accounts.Where(a => a.Name.ToLower() == account).OrderBy(a => a.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (accountId is null && !string.IsNullOrEmpty(account))
        {
            Refusal = Refusal.Invalid("account", $"No account is named '{Form.Account!.Trim()}'.");
            await LoadAsync(ct);
            return Page();
        }
        return await this.SaveFormAsync(
            () => writes.CreateAsync(access, new OpportunityInput(accountId, Form.Name, Form.Amount, Form.Stage, Form.CloseDate, Form.Competitor), ct),
            deal => ($"/opportunities/{deal.Id}", $"{deal.Name} is added."),
            async refusal =>
            {
                Refusal = refusal;
                await LoadAsync(ct);
                return Page();
            });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayCreate = await user.MayAsync(RequestsModule.RequestReferences);
        var access = await OpportunityAccess.OfAsync(user);
        Opportunities = await access.Visible(db.Opportunities.AsNoTracking()).Where(o => !o.IsClosed).OrderBy(o => o.CloseDate).ThenBy(o => o.Id).Take(Shown)
            .Select(o => new Row(o.Id, o.Name, o.Account!.Name, o.Amount, o.Stage, o.CloseDate, o.Owner == null ? null : o.Owner.DisplayName))
            .ToListAsync(ct);
    }
}
