using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Reviews;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>
/// Review campaigns: invitations under the site's rules and the advocate's limits, each an ask in the ledger. The test
/// users' emails are at example.com, so that is the company's domain here; customers are at customer.test.
/// </summary>
public sealed class ReviewCampaignsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private HttpClient? _manager;

    private async Task<HttpClient> ManagerAsync() => _manager ??= await app.ClientForAsync(Roles.ReferenceManager);

    /// <summary>A contact on an account of their own; by default one who agreed to review-site reviews.</summary>
    private Task<Guid> AddContactAsync(
        string first = "Ann", string? email = null, bool agreed = true, ConsentLevel consent = ConsentLevel.Written, int? maxAsksPerQuarter = null) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var account = new Account { Name = $"Reviewed {Guid.NewGuid():N}"[..20] };
            var contact = new Contact
            {
                AccountId = account.Id, FirstName = first, LastName = "Lee", Email = email ?? $"{first.ToLowerInvariant()}.{Guid.NewGuid():N}@customer.test",
                Consent = consent, MaxAsksPerQuarter = maxAsksPerQuarter,
            };
            if (agreed)
            {
                contact.AgreedActivities.Add(await db.ActivityTypes.SingleAsync(a => a.Key == "review-site-review", Ct));
            }
            db.AddRange(account, contact);
            await db.SaveChangesAsync(Ct);
            return contact.Id;
        });

    /// <summary>An ask reserved today: it counts against the quarter without starting a rest period.</summary>
    private Task ReserveAskAsync(Guid contactId) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId, Ct);
        db.Engagements.Add(new Engagement
        {
            ContactId = contactId, AccountId = contact.AccountId, Kind = EngagementKind.Ask, Status = EngagementStatus.Reserved,
            ActivityTypeId = (await db.ActivityTypes.SingleAsync(a => a.Key == "reference-call", Ct)).Id, At = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
    });

    private Task<(int Invitations, int Asks)> CountAsync(Guid contactId) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        return (await db.Set<ReviewInvitation>().CountAsync(i => i.ContactId == contactId, Ct),
            await db.Engagements.CountAsync(e => e.ContactId == contactId && e.Kind == EngagementKind.Ask, Ct));
    });

    private async Task<ReviewCampaignResponse> CreateAsync(object? body = null)
    {
        using var response = await (await ManagerAsync()).PostAsJsonAsync("/api/v1/review-campaigns",
            body ?? new { name = "G2 winter push", site = "G2", startsOn = Today.AddDays(-1), endsOn = Today.AddDays(30), targetCount = 10 }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReviewCampaignResponse>(Ct))!;
    }

    private async Task<InvitationResponse[]> InviteAsync(Guid campaignId, params Guid[] contactIds)
    {
        using var response = await (await ManagerAsync()).PostAsJsonAsync($"/api/v1/review-campaigns/{campaignId}/invitations", new { contactIds }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InvitationResponse[]>(Ct))!;
    }

    private async Task<HttpResponseMessage> StepAsync(InvitationResponse invitation, string step, object? body = null) =>
        await (await ManagerAsync()).PostAsJsonAsync($"/api/v1/review-campaigns/{invitation.CampaignId}/invitations/{invitation.Id}/{step}", body ?? new { }, Ct);

    [Fact]
    public async Task A_campaign_is_created_read_listed_and_updated_over_its_version()
    {
        var manager = await ManagerAsync();
        var campaign = await CreateAsync(new
        {
            name = "Peer Insights for the analytics launch", site = "Gartner Peer Insights", startsOn = Today, endsOn = Today.AddDays(60), targetCount = 25,
            incentive = "USD 25 gift card", incentiveDisclosure = "Reviewers were offered a USD 25 gift card for an honest review.",
        });

        Assert.Equal(("GartnerPeerInsights", "Gartner Peer Insights", "New", "Running", new CampaignProgress(0, 0, 0, 25)),
            (campaign.Site, campaign.SiteLabel, campaign.Kind, campaign.State, campaign.Progress));
        Assert.Equal(campaign, await manager.GetFromJsonAsync<ReviewCampaignResponse>($"/api/v1/review-campaigns/{campaign.Id}", Ct));
        var listed = (await manager.GetFromJsonAsync<Paged<ReviewCampaignResponse>>("/api/v1/review-campaigns?q=analytics launch&pageSize=5", Ct))!;
        Assert.Equal([campaign.Id], listed.Items.Select(c => c.Id));

        using var updated = await manager.PutAsJsonAsync($"/api/v1/review-campaigns/{campaign.Id}", new
        {
            name = "Forum reviews", site = "Other", siteName = "SaaSForum", startsOn = Today, endsOn = Today.AddDays(60), targetCount = 5,
            kind = "Refresh", refreshAfterMonths = 12, version = campaign.Version,
        }, Ct);
        var saved = (await updated.Content.ReadFromJsonAsync<ReviewCampaignResponse>(Ct))!;
        Assert.Equal(("Other", "SaaSForum", "Refresh", 12, (string?)null), (saved.Site, saved.SiteLabel, saved.Kind, saved.RefreshAfterMonths, saved.Incentive));
        using var stale = await manager.PutAsJsonAsync($"/api/v1/review-campaigns/{campaign.Id}", new
        {
            name = "Again", site = "G2", startsOn = Today, endsOn = Today, targetCount = 5, version = campaign.Version,
        }, Ct);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_campaign_with_bad_fields_is_refused_field_by_field()
    {
        var manager = await ManagerAsync();

        async Task<string[]> InvalidAsync(object body, string field) =>
            await (await manager.PostAsJsonAsync("/api/v1/review-campaigns", body, Ct)).AssertValidationProblemAsync(field);

        Assert.Equal(["site must be one of G2, TrustRadius, GartnerPeerInsights, Capterra, PeerSpot, Other."],
            await InvalidAsync(new { name = "x", site = "Yelp", startsOn = Today, endsOn = Today, targetCount = 1 }, "site"));
        Assert.Equal(["siteName is required."], await InvalidAsync(new { name = "x", site = "Other", startsOn = Today, endsOn = Today, targetCount = 1 }, "siteName"));
        Assert.Equal(["endsOn cannot be before startsOn."], await InvalidAsync(new { name = "x", site = "G2", startsOn = Today, endsOn = Today.AddDays(-1), targetCount = 1 }, "endsOn"));
        Assert.Equal(["targetCount must be between 1 and 10000."], await InvalidAsync(new { name = "x", site = "G2", startsOn = Today, endsOn = Today, targetCount = 0 }, "targetCount"));
        Assert.StartsWith("refreshAfterMonths is required for a refresh campaign",
            (await InvalidAsync(new { name = "x", site = "G2", startsOn = Today, endsOn = Today, targetCount = 1, kind = "Refresh" }, "refreshAfterMonths"))[0], StringComparison.Ordinal);
        Assert.StartsWith("incentiveDisclosure is required with an incentive",
            (await InvalidAsync(new { name = "x", site = "G2", startsOn = Today, endsOn = Today, targetCount = 1, incentive = "USD 25" }, "incentiveDisclosure"))[0], StringComparison.Ordinal);
        Assert.Equal(0, (await manager.GetFromJsonAsync<Paged<ReviewCampaignResponse>>("/api/v1/review-campaigns?q=x&pageSize=5", Ct))!.Items.Count(c => c.Name == "x"));
    }

    [Fact]
    public async Task An_invitation_is_a_scheduled_ask_in_the_ledger_and_a_verified_review_completes_it()
    {
        var contactId = await AddContactAsync();
        var campaign = await CreateAsync();
        var manager = await ManagerAsync();

        var invitation = Assert.Single(await InviteAsync(campaign.Id, contactId));

        Assert.Equal(("Invited", "Ann Lee"), (invitation.State, invitation.Contact));
        var ledger = (await manager.GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!;
        var ask = Assert.Single(ledger.Items);
        Assert.Equal(("Ask", "Scheduled", "Review on G2: G2 winter push", "Review-site review", invitation.EngagementId),
            (ask.Kind, ask.Status, ask.What, ask.Activity, (Guid?)ask.Id));

        using (var reminded = await StepAsync(invitation, "remind"))
        {
            Assert.Equal("Reminded", (await reminded.Content.ReadFromJsonAsync<InvitationResponse>(Ct))!.State);
        }
        using (var again = await StepAsync(invitation, "remind"))
        {
            var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal($"Ann Lee was reminded already, on {Today:yyyy-MM-dd}.", problem.GetProperty("title").GetString());
        }
        using (var reviewed = await StepAsync(invitation, "review", new { reviewUrl = "https://www.g2.com/products/vouch/reviews/vouch-review-42" }))
        {
            var review = (await reviewed.Content.ReadFromJsonAsync<InvitationResponse>(Ct))!;
            Assert.Equal(("Reviewed", "https://www.g2.com/products/vouch/reviews/vouch-review-42"), (review.State, review.ReviewUrl));
        }
        using (var verified = await StepAsync(invitation, "verify"))
        {
            var review = (await verified.Content.ReadFromJsonAsync<InvitationResponse>(Ct))!;
            Assert.Equal("Verified", review.State);
            Assert.StartsWith("referencemanager-", review.VerifiedBy, StringComparison.Ordinal);
        }
        ledger = (await manager.GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!;
        Assert.Equal(["Completed"], ledger.Items.Select(i => i.Status));
        var progress = (await manager.GetFromJsonAsync<ReviewCampaignResponse>($"/api/v1/review-campaigns/{campaign.Id}", Ct))!.Progress;
        Assert.Equal(new CampaignProgress(1, 1, 1, 10), progress);
        var listed = (await manager.GetFromJsonAsync<InvitationResponse[]>($"/api/v1/review-campaigns/{campaign.Id}/invitations", Ct))!;
        Assert.Equal(["Verified"], listed.Select(i => i.State));
    }

    [Fact]
    public async Task Inviting_an_employee_a_contact_without_consent_or_one_at_their_limit_is_refused_and_changes_nothing()
    {
        var eligible = await AddContactAsync("Eli");
        var employee = await AddContactAsync("Emma", email: $"emma.{Guid.NewGuid():N}@Example.com");
        var noConsent = await AddContactAsync("Nora", agreed: false);
        var atLimit = await AddContactAsync("Lou", maxAsksPerQuarter: 1);
        await ReserveAskAsync(atLimit);
        var campaign = await CreateAsync();
        var manager = await ManagerAsync();

        using var response = await manager.PostAsJsonAsync($"/api/v1/review-campaigns/{campaign.Id}/invitations",
            new { contactIds = new[] { eligible, employee, noConsent, atLimit, Guid.Empty } }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        string[] Errors(int i) => [.. errors.GetProperty($"contactIds[{i}]").EnumerateArray().Select(e => e.GetString()!)];
        Assert.False(errors.TryGetProperty("contactIds[0]", out _));
        Assert.Equal(["Emma Lee works for us (an email at example.com): employees and their families are never invited (site rules)."], Errors(1));
        Assert.Equal(["Nora Lee has no consent for review-site reviews."], Errors(2));
        Assert.Equal(["Lou Lee cannot be asked. Quarterly limit reached (1 of 1)."], Errors(3));
        Assert.Equal([$"No contact has the id {Guid.Empty}."], Errors(4));
        Assert.Equal((0, 0), await CountAsync(eligible));
        Assert.Equal((0, 1), await CountAsync(atLimit));
        Assert.Equal(new CampaignProgress(0, 0, 0, 10), (await manager.GetFromJsonAsync<ReviewCampaignResponse>($"/api/v1/review-campaigns/{campaign.Id}", Ct))!.Progress);
    }

    [Fact]
    public async Task Family_of_an_employee_is_refused_once_recorded()
    {
        var contactId = await AddContactAsync("Fay");
        var campaign = await CreateAsync();
        var manager = await ManagerAsync();
        using (var recorded = await manager.PutAsJsonAsync($"/api/v1/contacts/{contactId}/employee-relation", new { relation = "daughter of our CFO" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        }

        using var response = await manager.PostAsJsonAsync($"/api/v1/review-campaigns/{campaign.Id}/invitations", new { contactIds = new[] { contactId } }, Ct);

        Assert.Equal(["Fay Lee is family of an employee (daughter of our CFO): employees and their families are never invited (site rules)."],
            await response.AssertValidationProblemAsync("contactIds[0]"));
        using (var cleared = await manager.DeleteAsync($"/api/v1/contacts/{contactId}/employee-relation", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        }
        Assert.Single(await InviteAsync(campaign.Id, contactId));
    }

    [Fact]
    public async Task A_review_link_that_is_not_a_web_url_is_refused_and_changes_nothing()
    {
        var invitation = Assert.Single(await InviteAsync((await CreateAsync()).Id, await AddContactAsync()));

        foreach (var bad in new[] { "not a url", "g2.com/reviews/1", "ftp://g2.com/reviews/1", "javascript:alert(1)" })
        {
            using var response = await StepAsync(invitation, "review", new { reviewUrl = bad });
            Assert.Equal([$"reviewUrl must be an absolute http or https link, such as https://www.g2.com/products/vouch/reviews/vouch-review-123; '{bad}' is not."],
                await response.AssertValidationProblemAsync("reviewUrl"));
        }
        using (var missing = await StepAsync(invitation, "review", new { }))
        {
            await missing.AssertValidationProblemAsync("reviewUrl");
        }
        using (var unverified = await StepAsync(invitation, "verify"))
        {
            var problem = await unverified.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("The invitation is invited: record the review's link first.", problem.GetProperty("detail").GetString());
        }
        var listed = (await (await ManagerAsync()).GetFromJsonAsync<InvitationResponse[]>($"/api/v1/review-campaigns/{invitation.CampaignId}/invitations", Ct))!;
        Assert.Equal([("Invited", (string?)null)], listed.Select(i => (i.State, i.ReviewUrl)));
    }

    [Fact]
    public async Task Withdrawing_releases_the_ask_and_the_invitee_may_be_invited_again()
    {
        var contactId = await AddContactAsync();
        var invitation = Assert.Single(await InviteAsync((await CreateAsync()).Id, contactId));

        using (var withdrawn = await StepAsync(invitation, "withdraw"))
        {
            Assert.Equal("Withdrawn", (await withdrawn.Content.ReadFromJsonAsync<InvitationResponse>(Ct))!.State);
        }
        var ledger = (await (await ManagerAsync()).GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!;
        Assert.Equal(["Released"], ledger.Items.Select(i => i.Status));

        var again = Assert.Single(await InviteAsync(invitation.CampaignId, contactId));
        Assert.Equal((invitation.Id, "Invited"), (again.Id, again.State));
    }

    [Fact]
    public async Task The_eligible_list_shows_who_may_be_invited_and_a_refresh_campaign_only_reviewers_due_for_it()
    {
        var fresh = await AddContactAsync("Finn");
        var employee = await AddContactAsync("Emil", email: $"emil.{Guid.NewGuid():N}@example.com");
        var noConsent = await AddContactAsync("Noel", agreed: false);
        var oldReviewer = await AddContactAsync("Olga");
        var recentReviewer = await AddContactAsync("Rene");
        var site = $"Forum {Guid.NewGuid():N}"[..16];
        var past = await CreateAsync(new { name = "Old push", site = "Other", siteName = site, startsOn = Today.AddYears(-2), endsOn = Today.AddDays(10), targetCount = 5 });
        foreach (var invitation in await InviteAsync(past.Id, oldReviewer, recentReviewer))
        {
            (await StepAsync(invitation, "review", new { reviewUrl = "https://forum.test/r/1" })).Dispose();
        }
        // The old review is dated back: 14 months ago.
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var old = await db.Set<ReviewInvitation>().SingleAsync(i => i.ContactId == oldReviewer, Ct);
            (old.ReviewedAt, old.InvitedAt) = (DateTimeOffset.UtcNow.AddMonths(-14), DateTimeOffset.UtcNow.AddMonths(-15));
            await db.Engagements.Where(e => e.ContactId == oldReviewer).ExecuteUpdateAsync(s => s.SetProperty(e => e.At, DateTimeOffset.UtcNow.AddMonths(-15)), Ct);
            await db.SaveChangesAsync(Ct);
        });
        var manager = await ManagerAsync();
        var newCampaign = await CreateAsync(new { name = "New push", site = "Other", siteName = site.ToUpperInvariant(), startsOn = Today, endsOn = Today.AddDays(10), targetCount = 5 });
        var refresh = await CreateAsync(new { name = "Refresh", site = "Other", siteName = site, startsOn = Today, endsOn = Today.AddDays(10), targetCount = 5, kind = "Refresh", refreshAfterMonths = 12 });

        var eligibleForNew = (await manager.GetFromJsonAsync<EligibleReviewer[]>($"/api/v1/review-campaigns/{newCampaign.Id}/eligible?top=100", Ct))!;
        var eligibleForRefresh = (await manager.GetFromJsonAsync<EligibleReviewer[]>($"/api/v1/review-campaigns/{refresh.Id}/eligible", Ct))!;

        Assert.Contains(eligibleForNew, e => e.ContactId == fresh);
        Assert.DoesNotContain(eligibleForNew, e => new[] { employee, noConsent, oldReviewer, recentReviewer }.Contains(e.ContactId));
        var due = Assert.Single(eligibleForRefresh);
        Assert.Equal((oldReviewer, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-14))), (due.ContactId, due.LastReviewedOn));
        using var refused = await manager.PostAsJsonAsync($"/api/v1/review-campaigns/{refresh.Id}/invitations", new { contactIds = new[] { recentReviewer, fresh } }, Ct);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith($"Rene Lee last reviewed us on {site} on {Today:yyyy-MM-dd}, not more than 12 months ago.",
            problem.GetProperty("errors").GetProperty("contactIds[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal($"Finn Lee has not reviewed us on {site} yet: a refresh campaign invites past reviewers.",
            problem.GetProperty("errors").GetProperty("contactIds[1]")[0].GetString());
        Assert.Equal(["top must be between 1 and 100."],
            await (await manager.GetAsync($"/api/v1/review-campaigns/{refresh.Id}/eligible?top=0", Ct)).AssertValidationProblemAsync("top"));
    }

    [Fact]
    public async Task Unknown_campaigns_and_invitations_are_not_found()
    {
        var manager = await ManagerAsync();
        var campaign = await CreateAsync();
        var other = await CreateAsync();
        var invitation = Assert.Single(await InviteAsync(campaign.Id, await AddContactAsync()));

        await (await manager.GetAsync($"/api/v1/review-campaigns/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsJsonAsync($"/api/v1/review-campaigns/{Guid.NewGuid()}/invitations", new { contactIds = new[] { Guid.NewGuid() } }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        // The invitation of one campaign is not found under another.
        await (await manager.PostAsJsonAsync($"/api/v1/review-campaigns/{other.Id}/invitations/{invitation.Id}/remind", new { }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["contactIds needs at least one contact to invite."],
            await (await manager.PostAsJsonAsync($"/api/v1/review-campaigns/{campaign.Id}/invitations", new { contactIds = Array.Empty<Guid>() }, Ct))
                .AssertValidationProblemAsync("contactIds"));
    }
}
