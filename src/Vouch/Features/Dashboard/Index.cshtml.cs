using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Notifications;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.Dashboard;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(VouchDbContext db, RequestQueries requests, NotificationInbox inbox, CurrentUser user) : PageModel
{
    /// <summary>The dashboard lists this many of the requests waiting on the user; the requests page lists them all.</summary>
    public const int WaitingShown = 10;

    /// <summary>The latest notifications shown; the notifications page has them all.</summary>
    public const int NotificationsShown = 5;

    public int Accounts { get; private set; }
    public int Contacts { get; private set; }
    public int Advocates { get; private set; }
    public int OpenOpportunities { get; private set; }
    public Paged<RequestSummary> Waiting { get; private set; } = null!;
    public Paged<NotificationResponse> Notifications { get; private set; } = null!;

    /// <summary>The first steps of the program, for admins while any is not done; otherwise null.</summary>
    public FirstRunChecklist? FirstRun { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ReadInventory))
        {
            // Advocates have their own start page; the program's figures are not theirs to see.
            return await user.MayAsync(Policies.AdvocatePortal) ? RedirectToPage("/Portal/Index") : Forbid();
        }
        if (await user.MayAsync(Policies.Administer) && await FirstRunChecklist.ReadAsync(db, ct) is { AllDone: false } firstRun)
        {
            FirstRun = firstRun;
        }
        Accounts = await db.Accounts.CountAsync(ct);
        Contacts = await db.Contacts.CountAsync(ct);
        Advocates = await db.Contacts.CountAsync(c => c.AdvocacyStage == AdvocacyStage.Advocate || c.AdvocacyStage == AdvocacyStage.RockStar, ct);
        OpenOpportunities = await db.Opportunities.CountAsync(o => !o.IsClosed, ct);
        Waiting = await requests.ListAsync(await RequestActor.OfAsync(user), RequestView.Waiting, new PageQuery { PageSize = WaitingShown }, ct);
        Notifications = await inbox.PageAsync(user.Id, new PageQuery { PageSize = NotificationsShown }, ct);
        return Page();
    }
}
