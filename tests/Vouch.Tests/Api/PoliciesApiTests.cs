using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Launches;
using Vouch.Features.ProgramPolicies;
using Vouch.Features.Requests;
using Vouch.Features.Stakeholders;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Program policies and their exceptions, stakeholder groups, launches and where a story fits. One app: the policy is the program's.</summary>
public sealed class PoliciesApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly s_neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    private HttpClient? _manager;

    private async Task<HttpClient> ManagerAsync() => _manager ??= await app.ClientForAsync(Roles.ReferenceManager);

    private async Task<PolicyResponse> PolicyAsync() => (await (await ManagerAsync()).GetFromJsonAsync<PolicyResponse>("/api/v1/policies", Ct))!;

    /// <summary>Reference calls from the stage Proposal and 25,000 up, as the demo has it.</summary>
    private async Task<PolicyResponse> CallsFromProposalAsync()
    {
        var current = await PolicyAsync();
        using var saved = await (await ManagerAsync()).PutAsJsonAsync("/api/v1/policies", new
        {
            activities = new[] { new { activityType = "reference-call", minimumStage = "Proposal", minimumDealSize = 25_000m } },
            logoNeedsWrittenConsent = true, caseStudyReapprovalMonths = 24, version = current.Version,
        }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        return (await saved.Content.ReadFromJsonAsync<PolicyResponse>(Ct))!;
    }

    private Task SetStageAsync(Guid opportunityId, string stage, decimal amount) => app.WithScopeAsync(services =>
        services.GetRequiredService<VouchDbContext>().Opportunities.Where(o => o.Id == opportunityId)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Stage, stage).SetProperty(o => o.Amount, amount), Ct));

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
    }

    [Fact]
    public async Task A_policy_that_contradicts_itself_is_refused_naming_the_field_and_nothing_changes()
    {
        var before = await CallsFromProposalAsync();
        var manager = await ManagerAsync();

        async Task<string[]> RefusedAsync(object activity, string field)
        {
            using var response = await manager.PutAsJsonAsync("/api/v1/policies", new
            {
                activities = new[] { activity }, logoNeedsWrittenConsent = true, caseStudyReapprovalMonths = 24, version = before.Version,
            }, Ct);
            return await response.AssertValidationProblemAsync(field);
        }

        Assert.Equal(["activities[0].minimumStage 'Closed Won' is a closed deal's stage: a reference helps a deal before it closes; choose one of Prospecting, Qualification, Proposal, Negotiation."],
            await RefusedAsync(new { activityType = "reference-call", minimumStage = "Closed Won" }, "activities[0].minimumStage"));
        Assert.Equal(["activities[0].minimumDealSize must be 0 or more."],
            await RefusedAsync(new { activityType = "reference-call", minimumDealSize = -5 }, "activities[0].minimumDealSize"));
        Assert.Equal(["activities[0].activityType 'lunch' is not an activity type in use; GET /api/v1/activity-types lists them."],
            await RefusedAsync(new { activityType = "lunch" }, "activities[0].activityType"));
        Assert.Equal(before, await PolicyAsync(), new PolicyComparer());

        using var seller = await app.ClientForAsync(Roles.Seller);
        using var forbidden = await seller.PutAsJsonAsync("/api/v1/policies", new { version = before.Version }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_request_outside_policy_waits_for_an_exception_a_reference_manager_approves_with_a_reason()
    {
        await CallsFromProposalAsync();
        var (people, advocate) = await app.AddPeopleAsync();
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);
        await SetStageAsync(opportunityId, "Qualification", 10_000);
        var countsBefore = await (await ManagerAsync()).GetFromJsonAsync<ExceptionCounts>("/api/v1/policies/exceptions", Ct);

        var request = await ReadAsync<RequestResponse>(await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = s_neededBy, opportunityId }, Ct), HttpStatusCode.Created);

        var exception = await people.Seller.GetFromJsonAsync<PolicyExceptionResponse>($"/api/v1/requests/{request.Id}/policy-exception", Ct);
        Assert.Equal("Requested", exception!.State);
        Assert.Equal([PolicyEngine.MinimumStage, PolicyEngine.MinimumDealSize], exception.Rules);
        Assert.Equal(["The deal is at 'Qualification'; the policy allows this activity from 'Proposal' on.", "The deal is 10,000; the policy allows this activity from 25,000 up."], exception.Reasons);
        using (var blocked = await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct))
        {
            var problem = await blocked.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.StartsWith("It is outside the program's policy and needs an exception a reference manager approves:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var noReason = await (await ManagerAsync()).PostAsJsonAsync($"/api/v1/requests/{request.Id}/policy-exception", new { decision = "approve", reason = " " }, Ct))
        {
            Assert.Equal(["reason is required: say why the request may go outside policy, or why it may not."], await noReason.AssertValidationProblemAsync("reason"));
        }
        using (var bySeller = await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/policy-exception", new { decision = "approve", reason = "Mine" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, bySeller.StatusCode);
        }
        Assert.Equal("Requested", (await people.Seller.GetFromJsonAsync<PolicyExceptionResponse>($"/api/v1/requests/{request.Id}/policy-exception", Ct))!.State);

        var approved = await ReadAsync<PolicyExceptionResponse>(await (await ManagerAsync()).PostAsJsonAsync(
            $"/api/v1/requests/{request.Id}/policy-exception", new { decision = "approve", reason = "Strategic logo in a new market" }, Ct));

        Assert.Equal(("Approved", "Strategic logo in a new market"), (approved.State, approved.Reason));
        Assert.NotNull(approved.DecidedBy);
        var assigned = await ReadAsync<RequestResponse>(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct));
        Assert.Equal("CandidateProposed", assigned.Status);
        using (var twice = await (await ManagerAsync()).PostAsJsonAsync($"/api/v1/requests/{request.Id}/policy-exception", new { decision = "decline", reason = "No" }, Ct))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict);
        }
        var counts = (await (await ManagerAsync()).GetFromJsonAsync<ExceptionCounts>("/api/v1/policies/exceptions", Ct))!;
        Assert.Equal((countsBefore!.Requested + 1, countsBefore.Approved + 1), (counts.Requested, counts.Approved));
        Assert.Equal(countsBefore.ByRule.Single(r => r.Rule == PolicyEngine.MinimumStage).Approved + 1, counts.ByRule.Single(r => r.Rule == PolicyEngine.MinimumStage).Approved);
    }

    [Fact]
    public async Task Of_two_managers_deciding_an_exception_at_once_the_second_saves_nothing()
    {
        await CallsFromProposalAsync();
        var (people, advocate) = await app.AddPeopleAsync();
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);
        await SetStageAsync(opportunityId, "Qualification", 10_000);
        var request = await ReadAsync<RequestResponse>(await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = s_neededBy, opportunityId }, Ct), HttpStatusCode.Created);

        var second = await app.WithScopeAsync(async services =>
        {
            // The second manager has read the exception while it waited; the first decides before they save.
            var db = services.GetRequiredService<VouchDbContext>();
            var read = await db.Set<PolicyException>().SingleAsync(e => e.RequestId == request.Id, Ct);
            await ReadAsync<PolicyExceptionResponse>(await (await ManagerAsync()).PostAsJsonAsync(
                $"/api/v1/requests/{request.Id}/policy-exception", new { decision = "approve", reason = "Strategic logo" }, Ct));
            (read.State, read.Reason) = (ExceptionState.Declined, "Too early");
            return await Record.ExceptionAsync(() => db.SaveChangesAsync(Ct));
        });

        Assert.IsType<DbUpdateConcurrencyException>(second);
        var decided = (await people.Seller.GetFromJsonAsync<PolicyExceptionResponse>($"/api/v1/requests/{request.Id}/policy-exception", Ct))!;
        Assert.Equal(("Approved", "Strategic logo"), (decided.State, decided.Reason));
    }

    [Fact]
    public async Task A_declined_exception_ends_the_request_and_a_request_within_policy_needs_none()
    {
        await CallsFromProposalAsync();
        var (people, advocate) = await app.AddPeopleAsync();
        var small = await app.AddOpportunityAsync(people.SellerId, advocate, amount: 5_000);
        var large = await app.AddOpportunityAsync(people.SellerId, advocate, amount: 80_000);
        var outside = await ReadAsync<RequestResponse>(await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = s_neededBy, opportunityId = small }, Ct), HttpStatusCode.Created);
        var within = await ReadAsync<RequestResponse>(await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = s_neededBy, opportunityId = large }, Ct), HttpStatusCode.Created);
        var campaign = await ReadAsync<RequestResponse>(await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = s_neededBy }, Ct), HttpStatusCode.Created);

        var declined = await ReadAsync<PolicyExceptionResponse>(await (await ManagerAsync()).PostAsJsonAsync(
            $"/api/v1/requests/{outside.Id}/policy-exception", new { decision = "decline", reason = "Too small for a call; send the case study" }, Ct));

        Assert.Equal("Declined", declined.State);
        var ended = (await people.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{outside.Id}", Ct))!;
        Assert.Equal(("Declined", "Outside policy, no exception: Too small for a call; send the case study"), (ended.Status, ended.DeclineReason));
        foreach (var id in new[] { within.Id, campaign.Id })
        {
            using var none = await people.Seller.GetAsync($"/api/v1/requests/{id}/policy-exception", Ct);
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }
        using var other = await app.ClientForAsync(Roles.Seller);
        using var hidden = await other.GetAsync($"/api/v1/requests/{outside.Id}/policy-exception", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_logo_without_written_consent_is_not_used()
    {
        var manager = await ManagerAsync();
        var ids = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var account = new Account { Name = $"Logo {Guid.NewGuid():N}"[..20] };
            var verbal = new Contact { AccountId = account.Id, FirstName = "Vera", LastName = "Verbal", Consent = ConsentLevel.Verbal };
            var written = new Contact { AccountId = account.Id, FirstName = "Will", LastName = "Written", Consent = ConsentLevel.Written };
            ContentAsset Logo(Contact c) => new()
            {
                Title = "Logo", Kind = ContentKind.Logo, AccountId = account.Id, ContactId = c.Id, State = ApprovalState.Approved,
                ApprovedOn = DateOnly.FromDateTime(DateTime.UtcNow),
            };
            var (refused, allowed) = (Logo(verbal), Logo(written));
            db.AddRange(account, verbal, written, refused, allowed);
            await db.SaveChangesAsync(Ct);
            return (Refused: refused.Id, Allowed: allowed.Id);
        });

        using var refused = await manager.PostAsync($"/api/v1/content/{ids.Refused}/uses", null, Ct);
        using var allowed = await manager.PostAsync($"/api/v1/content/{ids.Allowed}/uses", null, Ct);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("A logo is used only with the written consent of its contact; none is on record.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_group_may_not_ask_for_an_activity_outside_its_rules_and_its_requests_carry_the_group()
    {
        var admin = await app.ClientForAsync(Roles.Admin);
        var pr = await app.AddUserAsync(Roles.Seller);
        (await admin.PutAsJsonAsync($"/api/v1/stakeholders/members/{pr.Id}", new { group = "pr" }, Ct)).EnsureSuccessStatusCode();
        using var client = app.ClientWithToken(await app.CreateTokenAsync(pr.Id));

        using var refused = await client.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = s_neededBy }, Ct);
        using var allowed = await client.PostAsJsonAsync("/api/v1/requests", new { activityType = "media-interview", neededBy = s_neededBy }, Ct);

        Assert.Equal(["PR may not ask for 'reference-call' under its rules of engagement; it may ask for press-release, media-interview, quote, logo-use, brand-defence."],
            await refused.AssertValidationProblemAsync("activityType"));
        var created = await ReadAsync<RequestResponse>(allowed, HttpStatusCode.Created);
        var groupId = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ReferenceRequests
            .Where(r => r.Id == created.Id).Select(r => r.StakeholderGroupId).SingleAsync(Ct));
        Assert.NotNull(groupId);
        var groups = (await admin.GetFromJsonAsync<List<StakeholderGroupResponse>>("/api/v1/stakeholders", Ct))!;
        Assert.Equal(["sales", "marketing", "pr", "analyst-relations", "product"], groups.Select(g => g.Key));
        Assert.Contains(groups.Single(g => g.Key == "pr").Members, m => m.UserId == pr.Id);
        var queue = (await admin.GetFromJsonAsync<List<QueueItemResponse>>("/api/v1/stakeholders/queue", Ct))!;
        Assert.Equal("PR", queue.Single(q => q.RequestId == created.Id).Group);
    }

    [Fact]
    public async Task Shares_over_one_hundred_percent_and_priorities_out_of_range_are_refused()
    {
        var manager = await ManagerAsync();
        var product = (await manager.GetFromJsonAsync<List<StakeholderGroupResponse>>("/api/v1/stakeholders", Ct))!.Single(g => g.Key == "product");

        using var tooMuch = await manager.PutAsJsonAsync("/api/v1/stakeholders/product",
            new { priority = 5, activities = product.Activities, capacityShare = 11, version = product.Version }, Ct);
        using var badPriority = await manager.PutAsJsonAsync("/api/v1/stakeholders/product",
            new { priority = 0, activities = product.Activities, capacityShare = 10, version = product.Version }, Ct);
        using var saved = await manager.PutAsJsonAsync("/api/v1/stakeholders/product",
            new { priority = 5, activities = new[] { "beta-feedback" }, capacityShare = 10, version = product.Version }, Ct);

        Assert.Equal(["capacityShare 11% with the other groups' 90% is more than 100%; at most 10% is left."], await tooMuch.AssertValidationProblemAsync("capacityShare"));
        Assert.Equal(["priority is required, from 1 (first) to 99."], await badPriority.AssertValidationProblemAsync("priority"));
        Assert.Equal(["beta-feedback"], (await ReadAsync<StakeholderGroupResponse>(saved)).Activities);
    }

    [Fact]
    public async Task A_launch_counts_recruits_per_segment_and_ranks_its_early_adopters()
    {
        var (product, leadUser) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var product = new Vouch.Features.Catalog.Product { Key = $"launch-{Guid.NewGuid():N}", Name = $"Launch {Guid.NewGuid():N}" };
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
            var enterprise = new Account { Name = $"Big {Guid.NewGuid():N}"[..20], Segment = Segment.Enterprise, Products = [product] };
            var small = new Account { Name = $"Small {Guid.NewGuid():N}"[..20], Segment = Segment.SmallBusiness };
            var recruit = new Contact { AccountId = enterprise.Id, FirstName = "Rita", LastName = "Recruit", Consent = ConsentLevel.Written, AgreedActivities = [call] };
            var leadUser = new Contact { AccountId = small.Id, FirstName = "Leo", LastName = "Lead", IsLeadUser = true };
            db.AddRange(product, enterprise, small, recruit, leadUser);
            await db.SaveChangesAsync(Ct);
            return (product.Key, leadUser.Id);
        });
        var manager = await ManagerAsync();

        using var bad = await manager.PostAsJsonAsync("/api/v1/launches", new
        {
            name = "Bad", product, date = "2027-03-01", segments = new[] { "Enterprise" },
            targets = new[] { new { segment = "MidMarket", activityType = "reference-call", needed = 0 } },
        }, Ct);
        Assert.Equal(["targets[0].segment MidMarket is not one of the launch's segments."], await bad.AssertValidationProblemAsync("targets[0].segment"));

        var launch = await ReadAsync<LaunchResponse>(await manager.PostAsJsonAsync("/api/v1/launches", new
        {
            name = "Spring launch", product, date = "2027-03-01", segments = new[] { "Enterprise" },
            targets = new[] { new { segment = "Enterprise", activityType = "reference-call", needed = 3 } },
        }, Ct), HttpStatusCode.Created);

        var target = Assert.Single(launch.Targets);
        Assert.Equal(("Enterprise", "reference-call", 3, 1), (target.Segment, target.ActivityType, target.Needed, target.Recruited));
        var leo = launch.Candidates.Single(c => c.ContactId == leadUser);
        Assert.Equal(["Lead user (+40)"], leo.Reasons);
        Assert.Equal(leadUser, launch.Candidates[0].ContactId);
        Assert.Contains(launch.Candidates, c => c.Name == "Rita Recruit" && c.Reasons.SequenceEqual(["Already uses the product (+20)", "In a target segment (+10)", "Consented to be a reference (+5)"]));
    }

    [Fact]
    public async Task Where_a_story_fits_and_does_not_is_kept_shown_in_matching_and_cleared_by_erasure()
    {
        var (people, advocate) = await app.AddPeopleAsync(c => (c.FitsWhere, c.NotAFitFor) = ("Invoicing across many subsidiaries", "Companies with one entity"));
        var manager = await ManagerAsync();
        var request = await ReadAsync<RequestResponse>(await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = s_neededBy, useCase = "invoicing" }, Ct), HttpStatusCode.Created);

        var matches = await people.Seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.Id}/matches", Ct);
        var card = matches.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("contactId").GetGuid() == advocate.ContactId);
        Assert.Equal(("Invoicing across many subsidiaries", "Companies with one entity"), (card.GetProperty("fitsWhere").GetString(), card.GetProperty("notAFitFor").GetString()));

        var contact = (await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{advocate.ContactId}", Ct))!;
        Assert.Equal("Companies with one entity", contact.NotAFitFor);
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(contact, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        body["fitsWhere"] = "Groups with shared services";
        var updated = await ReadAsync<ContactResponse>(await manager.PutAsJsonAsync($"/api/v1/contacts/{advocate.ContactId}", body, Ct));
        Assert.Equal("Groups with shared services", updated.FitsWhere);

        using var admin = await app.ClientForAsync(Roles.Admin);
        (await admin.PostAsync($"/api/v1/contacts/{advocate.ContactId}/erase", null, Ct)).EnsureSuccessStatusCode();
        var erased = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Contacts.IgnoreQueryFilters()
            .Where(c => c.Id == advocate.ContactId).Select(c => new { c.FitsWhere, c.NotAFitFor }).SingleAsync(Ct));
        Assert.Equal((null, null), (erased.FitsWhere, erased.NotAFitFor));
    }

    private sealed class PolicyComparer : IEqualityComparer<PolicyResponse>
    {
        public bool Equals(PolicyResponse? x, PolicyResponse? y) =>
            x is not null && y is not null && x.Version == y.Version && x.Activities.SequenceEqual(y.Activities)
            && (x.LogoNeedsWrittenConsent, x.CaseStudyReapprovalMonths) == (y.LogoNeedsWrittenConsent, y.CaseStudyReapprovalMonths);

        public int GetHashCode(PolicyResponse obj) => obj.Version.GetHashCode();
    }
}
