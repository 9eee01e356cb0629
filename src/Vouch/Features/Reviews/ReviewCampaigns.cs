using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Features.Requests;

namespace Vouch.Features.Reviews;

/// <summary>A step of an invitation after inviting.</summary>
public enum InvitationStep { Remind, Verify, Withdraw }

/// <summary>
/// Review campaigns and their invitations: one set of rules for the API and the pages. Inviting is all or nothing:
/// each invitee must pass the site's rules (<see cref="ReviewEligibility"/>) and their own limits, checked by
/// <see cref="AdvocateAsks"/> as the ask is written to the ledger in the same transaction; one refusal and nobody is
/// invited. The ask is scheduled while the invitation is open, completed once the review is verified and released
/// when the invitation is withdrawn.
/// </summary>
public sealed class ReviewCampaigns(VouchDbContext db, ReviewQueries queries, CompanyDomains companyDomains, AdvocateAsks asks, TimeProvider clock)
{
    public static readonly Refusal CampaignNotFound = Refusal.NotFound("The review campaign");
    public static readonly Refusal InvitationNotFound = Refusal.NotFound("The invitation");

    /// <summary>How many advocates one call may invite.</summary>
    public const int MaxInvitedAtOnce = 100;

    public async Task<CommandResult<ReviewCampaignResponse>> CreateAsync(ReviewCampaignInput input, CancellationToken ct)
    {
        var campaign = new ReviewCampaign { Name = "", CreatedAt = clock.GetUtcNow() };
        if (Apply(input, campaign) is { } invalid)
        {
            return invalid;
        }
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        return (await queries.FindAsync(campaign.Id, ct))!;
    }

    /// <summary>Replaces the campaign's fields, saving only over the version the caller read.</summary>
    public async Task<CommandResult<ReviewCampaignResponse>> UpdateAsync(Guid id, ReviewCampaignInput input, CancellationToken ct)
    {
        var campaign = await db.Set<ReviewCampaign>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return CampaignNotFound;
        }
        if ((Versioning.Check(campaign, input.Version) ?? Apply(input, campaign)) is { } refusal)
        {
            return refusal;
        }
        var saved = await db.SaveOverAsync(campaign, input.Version!.Value, ct);
        return saved.Succeeded ? (await queries.FindAsync(id, ct))! : saved.Refusal;
    }

    /// <summary>
    /// Invites every contact named, or nobody: a contact the rules keep out is named in <c>contactIds[i]</c> with every
    /// reason, and nothing changes.
    /// </summary>
    public async Task<CommandResult<InvitationResponse[]>> InviteAsync(Guid campaignId, InviteInput input, CancellationToken ct)
    {
        var campaign = await db.Set<ReviewCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return CampaignNotFound;
        }
        var contactIds = input.ContactIds ?? [];
        if (contactIds.Count == 0)
        {
            return Refusal.Invalid("contactIds", "contactIds needs at least one contact to invite.");
        }
        if (contactIds.Count > MaxInvitedAtOnce)
        {
            return Refusal.Invalid("contactIds", $"contactIds may name at most {MaxInvitedAtOnce} contacts at once.");
        }
        var today = queries.Today;
        if (campaign.EndsOn < today)
        {
            return Refusal.Conflict("The campaign has ended.", $"It ended on {campaign.EndsOn:yyyy-MM-dd}; nobody is invited to it any more.");
        }

        var now = clock.GetUtcNow();
        var title = $"Review on {campaign.SiteLabel}: {campaign.Name}";
        title = title.Length > Engagement.TitleMaxLength ? title[..Engagement.TitleMaxLength] : title;
        var errors = new ValidationErrors();
        var invited = new List<Guid>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reviewers = await queries.ReviewersAsync(campaign, [.. contactIds.Distinct()], ct);
        var domains = await companyDomains.ReadAsync(ct);
        var facts = ReviewQueries.Facts(campaign, today);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < contactIds.Count; i++)
        {
            var (field, contactId) = ($"contactIds[{i}]", contactIds[i]);
            if (!seen.Add(contactId))
            {
                continue;
            }
            if (!reviewers.TryGetValue(contactId, out var reviewer))
            {
                errors.Add(field, $"No contact has the id {contactId}.");
                continue;
            }
            var reasons = ReviewEligibility.Check(facts, reviewer, domains);
            if (reasons.Count > 0)
            {
                foreach (var reason in reasons)
                {
                    errors.Add(field, reason);
                }
                continue;
            }
            var ask = await asks.AskAsync(new AdvocateAsk(contactId, ReviewQueries.ActivityKey, now, EngagementStatus.Scheduled, title), field, ct);
            if (!ask.Succeeded)
            {
                errors.Add(field, ask.Refusal.Message);
                continue;
            }
            var invitation = reviewer.InvitedState == InvitationState.Withdrawn
                ? await db.Set<ReviewInvitation>().SingleAsync(r => r.CampaignId == campaignId && r.ContactId == contactId, ct)
                : db.Add(new ReviewInvitation { CampaignId = campaignId, ContactId = contactId }).Entity;
            (invitation.State, invitation.InvitedAt, invitation.RemindedAt, invitation.ReviewedAt, invitation.ReviewUrl) =
                (InvitationState.Invited, now, null, null, null);
            (invitation.VerifiedAt, invitation.VerifiedBy, invitation.EngagementId) = (null, null, ask.Value.Id);
            // Saved at once inside the transaction, so the next invitee's account limit counts this ask.
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The unique index: someone invited them between our read and this write.
                db.ChangeTracker.Clear();
                return Refusal.Conflict($"{reviewer.Name} was invited by someone else just now.", "Nobody was invited; read the campaign's invitations again.");
            }
            invited.Add(invitation.Id);
        }
        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return Refusal.Invalid(errors);
        }
        await tx.CommitAsync(ct);
        return await InvitationsAsync(invited, ct);
    }

    /// <summary>Records the review's link: the invitee wrote it; it counts once verified.</summary>
    public async Task<CommandResult<InvitationResponse>> RecordReviewAsync(Guid campaignId, Guid invitationId, ReviewInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var url = WebLink.Check(errors, "reviewUrl", input.ReviewUrl, required: true, "https://www.g2.com/products/vouch/reviews/vouch-review-123");
        var today = queries.Today;
        if (input.ReviewedOn > today)
        {
            errors.Add("reviewedOn", "reviewedOn cannot be in the future: record a review once it is published.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var (invitation, name) = await FindAsync(campaignId, invitationId, ct);
        if (invitation is null)
        {
            return InvitationNotFound;
        }
        if (invitation.State is not (InvitationState.Invited or InvitationState.Reminded))
        {
            return Refusal.Conflict($"{name}'s review cannot be recorded.", $"The invitation is {Words(invitation.State)}.");
        }
        var reviewedAt = input.ReviewedOn is { } on && on != today
            ? new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : clock.GetUtcNow();
        if (DateOnly.FromDateTime(reviewedAt.UtcDateTime) < DateOnly.FromDateTime(invitation.InvitedAt.UtcDateTime))
        {
            return Refusal.Invalid("reviewedOn", $"reviewedOn cannot be before the invitation on {invitation.InvitedAt:yyyy-MM-dd}.");
        }
        (invitation.State, invitation.ReviewedAt, invitation.ReviewUrl) = (InvitationState.Reviewed, reviewedAt, url);
        return await SaveAsync(invitation, ct);
    }

    /// <summary>Reminds once, verifies a recorded review (the ask is completed) or withdraws (the ask is released).</summary>
    public async Task<CommandResult<InvitationResponse>> StepAsync(InvitationStep step, Guid campaignId, Guid invitationId, string by, CancellationToken ct)
    {
        var (invitation, name) = await FindAsync(campaignId, invitationId, ct);
        if (invitation is null)
        {
            return InvitationNotFound;
        }
        var now = clock.GetUtcNow();
        switch (step)
        {
            case InvitationStep.Remind when invitation.State == InvitationState.Reminded:
                return Refusal.Conflict($"{name} was reminded already, on {invitation.RemindedAt:yyyy-MM-dd}.", "An invitee is reminded once only.");
            case InvitationStep.Remind when invitation.State != InvitationState.Invited:
                return Refusal.Conflict($"{name} cannot be reminded.", $"The invitation is {Words(invitation.State)}.");
            case InvitationStep.Remind:
                (invitation.State, invitation.RemindedAt) = (InvitationState.Reminded, now);
                break;
            case InvitationStep.Verify when invitation.State != InvitationState.Reviewed:
                return Refusal.Conflict($"{name}'s review cannot be verified.",
                    invitation.State == InvitationState.Verified ? $"It was verified on {invitation.VerifiedAt:yyyy-MM-dd} by {invitation.VerifiedBy}."
                    : $"The invitation is {Words(invitation.State)}: record the review's link first.");
            case InvitationStep.Verify:
                (invitation.State, invitation.VerifiedAt, invitation.VerifiedBy) = (InvitationState.Verified, now, by);
                await LedgerAsync(invitation, EngagementStatus.Completed, invitation.ReviewedAt, ct);
                break;
            case InvitationStep.Withdraw when invitation.State is InvitationState.Verified or InvitationState.Withdrawn:
                return Refusal.Conflict($"{name}'s invitation cannot be withdrawn.", $"It is {Words(invitation.State)}.");
            case InvitationStep.Withdraw:
                invitation.State = InvitationState.Withdrawn;
                await LedgerAsync(invitation, EngagementStatus.Released, null, ct);
                break;
        }
        return await SaveAsync(invitation, ct);
    }

    /// <summary>Records that the contact is family of an employee, so no campaign invites them; recording again replaces how.</summary>
    public async Task<CommandResult<EmployeeRelationResponse>> SetEmployeeRelationAsync(Guid contactId, EmployeeRelationInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("relation", input.Relation, EmployeeRelative.RelationMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
        {
            return Refusal.NotFound("The contact");
        }
        var relative = await db.Set<EmployeeRelative>().SingleOrDefaultAsync(r => r.ContactId == contactId, ct)
            ?? db.Add(new EmployeeRelative { ContactId = contactId, Relation = "" }).Entity;
        (relative.Relation, relative.RecordedAt) = (input.Relation!.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new EmployeeRelationResponse(contactId, relative.Relation, relative.RecordedAt);
    }

    /// <summary>Forgets that the contact is family of an employee (it was a mistake, or no longer true).</summary>
    public async Task<CommandResult> ClearEmployeeRelationAsync(Guid contactId, CancellationToken ct)
    {
        if (await db.Set<EmployeeRelative>().SingleOrDefaultAsync(r => r.ContactId == contactId, ct) is not { } relative)
        {
            return Refusal.NotFound("The contact's relation to an employee");
        }
        db.Remove(relative);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    private async Task LedgerAsync(ReviewInvitation invitation, EngagementStatus status, DateTimeOffset? at, CancellationToken ct)
    {
        if (await db.Engagements.SingleOrDefaultAsync(e => e.Id == invitation.EngagementId, ct) is { } ask)
        {
            ask.Status = status;
            ask.At = at ?? ask.At;
        }
    }

    private async Task<(ReviewInvitation? Invitation, string Name)> FindAsync(Guid campaignId, Guid invitationId, CancellationToken ct)
    {
        var invitation = await db.Set<ReviewInvitation>().Include(i => i.Contact)
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.CampaignId == campaignId, ct);
        return (invitation, invitation?.Contact?.FullName ?? "");
    }

    private async Task<CommandResult<InvitationResponse>> SaveAsync(ReviewInvitation invitation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.StaleVersion;
        }
        return await queries.InvitationAsync(invitation.Id, ct);
    }

    private async Task<InvitationResponse[]> InvitationsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var list = new List<InvitationResponse>();
        foreach (var id in ids)
        {
            list.Add(await queries.InvitationAsync(id, ct));
        }
        return [.. list];
    }

    private static string Words(InvitationState state) => state.ToString().ToLowerInvariant();

    /// <summary>
    /// Checks <paramref name="input"/> and, when it is valid, copies it onto <paramref name="campaign"/>; nothing is
    /// copied when anything is wrong.
    /// </summary>
    private static Refusal? Apply(ReviewCampaignInput input, ReviewCampaign campaign)
    {
        var errors = new ValidationErrors();
        errors.Required("name", input.Name, ReviewCampaign.NameMaxLength);
        ReviewSite? site = null;
        if (string.IsNullOrWhiteSpace(input.Site))
        {
            errors.Add("site", $"site is required: one of {EnumText.Names<ReviewSite>()} (Other with a siteName).");
        }
        else
        {
            site = EnumText.Optional<ReviewSite>(input.Site.Replace(" ", "", StringComparison.Ordinal), "site", errors);
        }
        var siteName = string.IsNullOrWhiteSpace(input.SiteName) ? null : input.SiteName.Trim();
        if (site == ReviewSite.Other)
        {
            errors.Required("siteName", siteName, ReviewCampaign.SiteNameMaxLength);
        }
        else if (site is not null && siteName is not null)
        {
            errors.Add("siteName", $"siteName is only for the site Other; {input.Site} is known by name.");
        }
        if (input.StartsOn is null)
        {
            errors.Add("startsOn", "startsOn is required.");
        }
        if (input.EndsOn is null)
        {
            errors.Add("endsOn", "endsOn is required.");
        }
        else if (input.EndsOn < input.StartsOn)
        {
            errors.Add("endsOn", "endsOn cannot be before startsOn.");
        }
        if (input.TargetCount is not { } target)
        {
            errors.Add("targetCount", "targetCount is required: how many reviews the campaign aims for.");
        }
        else if (target is < 1 or > ReviewCampaign.MaxTarget)
        {
            errors.Add("targetCount", $"targetCount must be between 1 and {ReviewCampaign.MaxTarget}.");
        }
        var kind = string.IsNullOrWhiteSpace(input.Kind) ? CampaignKind.New : EnumText.Optional<CampaignKind>(input.Kind, "kind", errors);
        if (kind == CampaignKind.Refresh && input.RefreshAfterMonths is not (>= 1 and <= ReviewCampaign.MaxRefreshAfterMonths))
        {
            errors.Add("refreshAfterMonths",
                $"refreshAfterMonths is required for a refresh campaign: between 1 and {ReviewCampaign.MaxRefreshAfterMonths} months since the reviewer's last review.");
        }
        else if (kind == CampaignKind.New && input.RefreshAfterMonths is not null)
        {
            errors.Add("refreshAfterMonths", "refreshAfterMonths is only for a refresh campaign.");
        }
        var incentive = string.IsNullOrWhiteSpace(input.Incentive) ? null : input.Incentive.Trim();
        var disclosure = string.IsNullOrWhiteSpace(input.IncentiveDisclosure) ? null : input.IncentiveDisclosure.Trim();
        errors.MaxLength("incentive", incentive, ReviewCampaign.IncentiveMaxLength);
        errors.MaxLength("incentiveDisclosure", disclosure, ReviewCampaign.DisclosureMaxLength);
        if (incentive is not null && disclosure is null)
        {
            errors.Add("incentiveDisclosure", "incentiveDisclosure is required with an incentive: review sites require that reviewers disclose what they were offered.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        campaign.Name = input.Name!.Trim();
        campaign.Site = site!.Value;
        campaign.SiteName = site == ReviewSite.Other ? siteName : null;
        campaign.StartsOn = input.StartsOn!.Value;
        campaign.EndsOn = input.EndsOn!.Value;
        campaign.TargetCount = input.TargetCount!.Value;
        campaign.Kind = kind!.Value;
        campaign.RefreshAfterMonths = kind == CampaignKind.Refresh ? input.RefreshAfterMonths : null;
        campaign.Incentive = incentive;
        campaign.IncentiveDisclosure = disclosure;
        return null;
    }
}
