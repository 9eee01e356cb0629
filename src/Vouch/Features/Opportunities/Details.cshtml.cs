using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Resources;

namespace Vouch.Features.Opportunities;

/// <summary>One deal: the references asked for it, where to ask for another, and closing it won or lost.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(VouchDbContext db, OpportunityClosing closing, CurrentUser user, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    public sealed record AskedReference(Guid Id, string Activity, string Status, string? Contact, DateOnly NeededBy);

    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<AskedReference> References { get; private set; } = [];
    public bool MayAsk { get; private set; }
    public bool MayClose { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Conflict { get; private set; }

    // The close form's input, kept when it is refused.
    public bool? Won { get; private set; }
    public decimal? Amount { get; private set; }
    public DateOnly? CloseDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        (Amount, CloseDate) = (Opportunity.Amount, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, bool? won, decimal? amount, DateOnly? closeDate, Guid? version, CancellationToken ct)
    {
        var closed = await closing.CloseAsync(await OpportunityAccess.OfAsync(user), id, new CloseOpportunityBody(won, amount, closeDate, version), ct);
        if (closed.Succeeded)
        {
            TempData["Notice"] = (won == true ? text["The deal is closed won. The references that helped it are credited."] : text["The deal is closed lost."]).Value;
            return RedirectToPage(new { id });
        }
        var refusal = closed.Refusal;
        if (refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        if (refusal.Kind == RefusalKind.Forbidden)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        (Won, Amount, CloseDate) = (won, amount, closeDate);
        if (refusal.Errors is { } errors)
        {
            Errors = errors;
        }
        else
        {
            Conflict = refusal.Message;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var access = await OpportunityAccess.OfAsync(user);
        var opportunity = await access.Visible(db.Opportunities.AsNoTracking().AsSplitQuery()).Include(o => o.Account!).ThenInclude(a => a.Industry)
            .Include(o => o.Products).Include(o => o.Owner).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return false;
        }
        Opportunity = opportunity;
        MayAsk = !opportunity.IsClosed && await user.MayAsync(RequestsModule.RequestReferences);
        MayClose = !opportunity.IsClosed && access.MayClose(opportunity);
        var actor = await RequestActor.OfAsync(user);
        var asked = await db.ReferenceRequests.AsNoTracking().Where(r => r.OpportunityId == id)
            .Include(r => r.ActivityType).Include(r => r.Contact)
            .OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        References = [.. asked.Where(actor.Sees).Select(r => new AskedReference(r.Id, r.ActivityType!.Name, WaitingOn.StatusWords(r.Status), r.Contact?.FullName, r.NeededBy))];
        return true;
    }
}
