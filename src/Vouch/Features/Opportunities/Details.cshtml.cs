using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Requests;
using Vouch.Features.Users;

namespace Vouch.Features.Opportunities;

/// <summary>One deal, and the form to ask for a reference for it, prefilled from the deal.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(VouchDbContext db, RequestWorkflow workflow, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<ActivityType> Activities { get; private set; } = [];
    public bool MayAsk { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    public string ActivityType { get; set; } = "reference-call";

    [BindProperty]
    public DateOnly NeededBy { get; set; }

    [BindProperty]
    public string? UseCase { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        NeededBy = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(14);
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RequestReferences)).Succeeded)
        {
            return Forbid();
        }
        var (requestId, refusal) = await workflow.CreateAsync(RequestActor.Of(User), new CreateRequestBody(ActivityType, NeededBy, id, null, UseCase), ct);
        if (refusal is null)
        {
            TempData["Notice"] = "Your request is in. Pick an advocate below, or the program team will.";
            return Redirect($"/requests/{requestId}");
        }
        Error = refusal.Message;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.AsNoTracking().Include(o => o.Account!).ThenInclude(a => a.Industry)
            .Include(o => o.Products).Include(o => o.Owner).SingleOrDefaultAsync(o => o.Id == id, ct);
        var readsAll = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.ReferenceManager) || User.IsInRole(Roles.Executive);
        if (opportunity is null || (!readsAll && opportunity.OwnerId != User.UserId()))
        {
            return NotFound();
        }
        Opportunity = opportunity;
        MayAsk = (await authorization.AuthorizeAsync(User, Policies.RequestReferences)).Succeeded;
        Activities = await db.ActivityTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
        return Page();
    }
}
