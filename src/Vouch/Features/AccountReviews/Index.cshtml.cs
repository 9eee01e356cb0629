using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.AccountReviews;

/// <summary>The review calendar: reviews to come by day, those overdue, and the latest held with their health; the reference team schedules one.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(ReviewCalendar calendar, VouchDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    public const int Shown = 50;

    public sealed record AccountOption(Guid Id, string Name);

    public IReadOnlyList<AccountReviewSummary> Upcoming { get; private set; } = [];
    public IReadOnlyList<AccountReviewSummary> Overdue { get; private set; } = [];
    public IReadOnlyList<AccountReviewSummary> Recent { get; private set; } = [];
    public IReadOnlyList<AccountOption> Accounts { get; private set; } = [];
    public bool IsManager { get; private set; }
    public Guid? AccountId { get; private set; }
    public AccountReviewInput? Typed { get; private set; }
    public Refusal? Refusal { get; private set; }
    public DateOnly Today { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid? accountId, CancellationToken ct) => ShowAsync(accountId, ct);

    public async Task<IActionResult> OnPostAsync(Guid? accountId, DateOnly? scheduledOn, string? notes, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var typed = new AccountReviewInput(accountId, scheduledOn, Notes: notes);
        return await this.SaveFormAsync(
            () => calendar.CreateAsync(typed, ct),
            review => ("/account-reviews", text["The review of {0} is scheduled for {1}.", review.Account, review.ScheduledOn.ToString(text["d MMMM yyyy"])].Value),
            async refusal =>
            {
                (Typed, Refusal) = (typed, refusal);
                return await ShowAsync(accountId, ct);
            });
    }

    private async Task<IActionResult> ShowAsync(Guid? accountId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        AccountId = accountId;
        Upcoming = await calendar.UpcomingAsync(Today, Shown, ct);
        Overdue = await calendar.OverdueAsync(Shown, ct);
        Recent = await calendar.RecentAsync(Shown, ct);
        IsManager = await user.MayAsync(Policies.ManageInventory);
        if (IsManager)
        {
            var accounts = db.Accounts.AsNoTracking();
            Accounts = await (accountId is { } id ? accounts.Where(a => a.Id == id) : accounts.OrderBy(a => a.Name).Take(500))
                .Select(a => new AccountOption(a.Id, a.Name)).ToListAsync(ct);
        }
        return Page();
    }
}
