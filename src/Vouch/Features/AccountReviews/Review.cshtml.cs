using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.AccountReviews;

/// <summary>One review: what it found; the reference team records it as held with its health, raises and closes escalations.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class ReviewModel(ReviewCalendar calendar, CurrentUser user, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    public AccountReviewResponse Review { get; private set; } = null!;
    public bool IsManager { get; private set; }
    public AccountReviewUpdate? Typed { get; private set; }
    public string? TypedEscalation { get; private set; }
    public Refusal? Refusal { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(
        Guid id, DateOnly? scheduledOn, DateOnly? heldOn, string? health, string? notes, string? escalation, Guid[]? closeEscalations, Guid? version,
        CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var typed = new AccountReviewUpdate(scheduledOn, heldOn, health, notes, version,
            string.IsNullOrWhiteSpace(escalation) ? [] : [escalation], closeEscalations ?? []);
        return await this.SaveFormAsync(
            () => calendar.UpdateAsync(id, typed, ct),
            review => ($"/account-reviews/{review.Id}", review.HeldOn is null
                ? text["The review of {0} was saved.", review.Account].Value
                : review.Health switch
                {
                    "Green" => text["The review of {0} is recorded: delivery is green.", review.Account].Value,
                    "Amber" => text["The review of {0} is recorded: delivery is amber.", review.Account].Value,
                    _ => text["The review of {0} is recorded: delivery is red.", review.Account].Value,
                }),
            async refusal =>
            {
                (Typed, TypedEscalation, Refusal) = (typed, escalation, refusal);
                return await ShowAsync(id, ct);
            });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await calendar.FindAsync(id, ct) is not { } review)
        {
            return NotFound();
        }
        Review = review;
        IsManager = await user.MayAsync(Policies.ManageInventory);
        return Page();
    }
}
