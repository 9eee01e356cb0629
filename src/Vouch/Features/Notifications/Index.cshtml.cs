using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Notifications;

/// <summary>The signed-in user's notifications, newest first, each marked read on its own or all at once.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(NotificationInbox inbox, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public const int PageSize = 25;

    public Paged<NotificationResponse>? Results { get; private set; }
    public ValidationErrors? Errors { get; private set; }

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] PageQuery query, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        query.Validate(errors);
        if (errors.IsEmpty)
        {
            Results = await inbox.PageAsync(user.Id, query with { PageSize = PageSize }, ct);
        }
        else
        {
            Errors = errors;
        }
    }

    // from: the page of the list the user was on, to go back to.
    public async Task<IActionResult> OnPostReadAsync(Guid id, int? from, CancellationToken ct)
    {
        if (!(await inbox.MarkReadAsync(user.Id, id, ct)).Succeeded)
        {
            return NotFound();
        }
        return Redirect(BackToList(from));
    }

    public async Task<IActionResult> OnPostReadAllAsync(int? from, CancellationToken ct)
    {
        var marked = await inbox.MarkAllReadAsync(user.Id, ct);
        TempData["Notice"] = (marked == 1 ? text["1 notification marked read."] : text["{0} notifications marked read.", marked]).Value;
        return Redirect(BackToList(from));
    }

    private static string BackToList(int? from) => from > 1 ? $"/notifications?page={from}" : "/notifications";
}
