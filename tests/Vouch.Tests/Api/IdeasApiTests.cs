using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Audit;
using Vouch.Features.Contacts;
using Vouch.Features.Ideas;
using Vouch.Features.Notifications;
using Vouch.Features.Users;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

public sealed class IdeasApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_smallest_body_posts_a_new_idea_its_author_follows()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);

        using var response = await advocate.PostAsJsonAsync("/api/v1/ideas", new { title = "  Dark mode for the portal ", description = "Easier on the eyes at night." }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var idea = (await response.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        Assert.Equal($"/api/v1/ideas/{idea.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("Dark mode for the portal", "Easier on the eyes at night.", "New", 0, false, true, null),
            (idea.Title, idea.Description, idea.Status, idea.Votes, idea.Voted, idea.Following, idea.ProductArea));
        Assert.Null(idea.Demand);
    }

    [Fact]
    public async Task A_product_area_is_named_by_product_name_or_key()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var product = $"Idea Product {Guid.NewGuid():N}";
        (await manager.PostAsJsonAsync("/api/v1/products", new { name = product }, Ct)).EnsureSuccessStatusCode();

        var idea = await PostAsync(manager, "Bulk export", productArea: Keys.FromName(product));

        Assert.Equal(product, idea.ProductArea);
        var board = await BoardAsync(manager, $"productArea={Uri.EscapeDataString(product)}");
        Assert.Equal([idea.Id], board.Items.Select(i => i.Id));
    }

    public static TheoryData<string, string, string> BadIdeas() => new()
    {
        { "", "Something", "title" },
        { "   ", "Something", "title" },
        { new string('x', 100_000), "Something", "title" },
        { "Two\nlines", "Something", "title" },
        { "A title", "", "description" },
        { "A title", new string('y', Idea.DescriptionMaxLength + 1), "description" },
    };

    [Theory]
    [MemberData(nameof(BadIdeas))]
    public async Task A_bad_idea_is_refused_with_the_field_and_nothing_is_written(string title, string description, string field)
    {
        using var seller = await app.ClientForAsync(Roles.Seller);
        var before = await CountIdeasAsync();

        using var response = await seller.PostAsJsonAsync("/api/v1/ideas", new { title, description }, Ct);

        var messages = await response.AssertValidationProblemAsync(field);
        Assert.Contains(field, messages.Single(), StringComparison.Ordinal);
        Assert.Equal(before, await CountIdeasAsync());
    }

    [Fact]
    public async Task A_100_kB_title_is_refused_for_its_length()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.PostAsJsonAsync("/api/v1/ideas", new { title = new string('x', 100_000), description = "d" }, Ct);

        Assert.Equal(["title must be at most 200 characters."], await response.AssertValidationProblemAsync("title"));
    }

    [Fact]
    public async Task An_unknown_product_area_is_named()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.PostAsJsonAsync("/api/v1/ideas", new { title = "T", description = "D", productArea = "Time machine" }, Ct);

        Assert.Equal(["'Time machine' is not a known product area."], await response.AssertValidationProblemAsync("productArea"));
    }

    [Fact]
    public async Task Html_and_script_are_stored_as_given()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        const string Title = "<script>alert('x')</script> & <b>bold</b>";

        var idea = await PostAsync(advocate, Title, "<img src=x onerror=alert(1)>");

        var read = await GetAsync(advocate, idea.Id);
        Assert.Equal((Title, "<img src=x onerror=alert(1)>"), (read.Title, read.Description));
    }

    [Fact]
    public async Task A_vote_counts_once_and_can_be_taken_back()
    {
        using var author = await app.ClientForAsync(Roles.Seller);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var idea = await PostAsync(author, "Calendar sync");

        var first = await VoteAsync(advocate, idea.Id);
        var again = await VoteAsync(advocate, idea.Id);

        Assert.Equal(new VoteResponse(idea.Id, 1, true), first);
        Assert.Equal(new VoteResponse(idea.Id, 1, true), again);
        var read = await GetAsync(advocate, idea.Id);
        Assert.Equal((1, true), (read.Votes, read.Voted));
        Assert.Equal(1, read.Hot, 3);
        Assert.False((await GetAsync(author, idea.Id)).Voted);

        using var withdrawn = await advocate.DeleteAsync($"/api/v1/ideas/{idea.Id}/votes", Ct);
        Assert.Equal(new VoteResponse(idea.Id, 0, false), await withdrawn.Content.ReadFromJsonAsync<VoteResponse>(Ct));
        using var withdrawnAgain = await advocate.DeleteAsync($"/api/v1/ideas/{idea.Id}/votes", Ct);
        Assert.Equal(new VoteResponse(idea.Id, 0, false), await withdrawnAgain.Content.ReadFromJsonAsync<VoteResponse>(Ct));
        read = await GetAsync(advocate, idea.Id);
        Assert.Equal((0, false, 0.0), (read.Votes, read.Voted, read.Hot));
    }

    [Fact]
    public async Task A_vote_is_audited_as_the_vote_and_the_tallies_it_moves_are_not()
    {
        using var author = await app.ClientForAsync(Roles.Seller);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var idea = await PostAsync(author, "Audit the votes once");
        var ideaId = idea.Id.ToString();
        var before = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().AuditEntries
            .CountAsync(e => e.RecordType == nameof(Idea) && e.RecordId == ideaId, Ct));

        await VoteAsync(advocate, idea.Id);
        await SetStatusAsync(manager, idea.Id, "Planned", "Next quarter.");

        var entries = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().AuditEntries
            .Where(e => e.RecordType == nameof(IdeaVote) && e.RecordId.StartsWith(ideaId) || e.RecordType == nameof(Idea) && e.RecordId == ideaId)
            .OrderBy(e => e.Id).Select(e => new { e.RecordType, e.RecordId, e.Action, e.After, e.UserId }).ToListAsync(Ct));
        // Posting, the vote, the status: the vote's change to the idea's count and hot score is in no entry of its own.
        Assert.Equal(1, before);
        Assert.Equal([(nameof(Idea), AuditAction.Created), (nameof(IdeaVote), AuditAction.Created), (nameof(Idea), AuditAction.Updated)],
            entries.Select(e => (e.RecordType, e.Action)));
        // The vote is written by the vote queue, away from the request, and still names the voter (its key is idea, user).
        Assert.Equal(entries[1].RecordId.Split(',')[1], entries[1].UserId.ToString());
        Assert.Contains("Next quarter.", entries[^1].After, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(Idea.VoteCount), entries[^1].After, StringComparison.Ordinal);
        Assert.Equal(1, (await GetAsync(author, idea.Id)).Votes);
    }

    [Fact]
    public async Task A_declined_idea_takes_no_votes_and_keeps_its_count()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var idea = await PostAsync(manager, "Fax integration");
        await VoteAsync(manager, idea.Id);
        await SetStatusAsync(manager, idea.Id, "Declined", "We will not support fax.");

        using var response = await advocate.PostAsync($"/api/v1/ideas/{idea.Id}/votes", null, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The idea was declined.", problem.GetProperty("title").GetString());
        Assert.Equal(1, (await GetAsync(manager, idea.Id)).Votes);
    }

    [Fact]
    public async Task Unknown_ideas_are_404_problems()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var unknown = Guid.CreateVersion7();

        foreach (var response in new[]
        {
            await advocate.GetAsync($"/api/v1/ideas/{unknown}", Ct),
            await advocate.PostAsync($"/api/v1/ideas/{unknown}/votes", null, Ct),
            await advocate.DeleteAsync($"/api/v1/ideas/{unknown}/votes", Ct),
            await advocate.PostAsJsonAsync($"/api/v1/ideas/{unknown}/comments", new { text = "Hi" }, Ct),
            await advocate.PostAsync($"/api/v1/ideas/{unknown}/follow", null, Ct),
        })
        {
            using (response)
            {
                await response.AssertProblemAsync(HttpStatusCode.NotFound);
            }
        }
    }

    [Fact]
    public async Task An_advocate_cannot_change_a_status()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var idea = await PostAsync(advocate, "Let me approve my own idea");

        using var response = await advocate.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/status", new { status = "Planned" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("New", (await GetAsync(advocate, idea.Id)).Status);
    }

    [Theory]
    [InlineData("Shipped", "status must be one of New, UnderReview, Planned, InProgress, Delivered, Declined.")]
    [InlineData("3", "status must be one of New, UnderReview, Planned, InProgress, Delivered, Declined.")]
    [InlineData("", "status is required.")]
    [InlineData("Duplicate", "An idea becomes a duplicate by being merged into the original: POST /api/v1/ideas/{id}/merge.")]
    public async Task A_bad_status_is_named(string status, string message)
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var idea = await PostAsync(manager, "Status target");

        using var response = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/status", new { status }, Ct);

        Assert.Equal([message], await response.AssertValidationProblemAsync("status"));
        Assert.Equal("New", (await GetAsync(manager, idea.Id)).Status);
    }

    [Fact]
    public async Task Followers_are_told_of_a_status_change_with_the_official_response()
    {
        using var author = await app.ClientForAsync(Roles.Advocate);
        using var follower = await app.ClientForAsync(Roles.Seller);
        using var bystander = await app.ClientForAsync(Roles.Seller);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var idea = await PostAsync(author, "Slack notifications");
        (await follower.PostAsync($"/api/v1/ideas/{idea.Id}/follow", null, Ct)).EnsureSuccessStatusCode();

        var updated = await SetStatusAsync(manager, idea.Id, "planned", "Coming in the spring release.");

        Assert.Equal(("Planned", "Coming in the spring release."), (updated.Status, updated.Response));
        const string Text = "“Slack notifications” is now planned. Coming in the spring release.";
        Assert.Equal([Text], (await NotificationsAsync(author)).Select(n => n.Text));
        var toFollower = Assert.Single(await NotificationsAsync(follower));
        Assert.Equal((Text, $"/ideas/{idea.Id}"), (toFollower.Text, toFollower.Link));
        Assert.Empty(await NotificationsAsync(bystander));
        Assert.Empty(await NotificationsAsync(manager));
    }

    [Fact]
    public async Task Who_stops_following_is_not_told()
    {
        using var author = await app.ClientForAsync(Roles.Advocate);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var idea = await PostAsync(author, "Quiet please");

        using var unfollowed = await author.DeleteAsync($"/api/v1/ideas/{idea.Id}/follow", Ct);
        Assert.Equal(new FollowResponse(idea.Id, false), await unfollowed.Content.ReadFromJsonAsync<FollowResponse>(Ct));
        await SetStatusAsync(manager, idea.Id, "UnderReview", null);

        Assert.Empty(await NotificationsAsync(author));
        Assert.False((await GetAsync(author, idea.Id)).Following);
    }

    [Fact]
    public async Task A_delivered_idea_credits_the_voters_accounts_and_takes_no_more_votes()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (bank, bankId) = await AdvocateAtAsync("Credit Bank", Segment.Enterprise, 900_000);
        var (bankColleague, _) = await AdvocateAtAsync(bankId);
        var (shop, shopId) = await AdvocateAtAsync("Credit Shop", Segment.SmallBusiness, 30_000);
        using (bank)
        using (bankColleague)
        using (shop)
        {
            var idea = await PostAsync(shop, "SAML single sign-on");
            foreach (var voter in new[] { bank, bankColleague, shop, manager })
            {
                await VoteAsync(voter, idea.Id);
            }

            var delivered = await SetStatusAsync(manager, idea.Id, "Delivered", "Shipped in 4.2.");

            Assert.Equal([new CreditedAccount(bankId, "Credit Bank", 2), new CreditedAccount(shopId, "Credit Shop", 1)], delivered.CreditedAccounts);
            Assert.Null((await GetAsync(shop, idea.Id)).CreditedAccounts);
            using var late = await bank.DeleteAsync($"/api/v1/ideas/{idea.Id}/votes", Ct);
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            using var vote = await bank.PostAsync($"/api/v1/ideas/{idea.Id}/votes", null, Ct);
            Assert.Equal("The idea was delivered.", (await vote.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
            var reopened = await SetStatusAsync(manager, idea.Id, "InProgress", "Not quite done.");
            Assert.Null(reopened.CreditedAccounts);
            Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().IdeaCredits.CountAsync(c => c.IdeaId == idea.Id, Ct)));
        }
    }

    [Fact]
    public async Task Comments_are_listed_oldest_first_with_their_authors()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var idea = await PostAsync(advocate, "Comment thread");

        using var first = await advocate.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments", new { text = "First <i>thought</i>" }, Ct);
        using var empty = await advocate.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments", new { text = " " }, Ct);
        using var second = await advocate.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments", new { text = "Second" }, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(["text is required."], await empty.AssertValidationProblemAsync("text"));
        var comments = (await GetAsync(advocate, idea.Id)).Comments;
        Assert.Equal(["First <i>thought</i>", "Second"], comments.Select(c => c.Text));
        Assert.All(comments, c => Assert.StartsWith("advocate-", c.Author, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merging_moves_votes_with_every_voter_once_and_undoing_restores_them()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var onlyDuplicate = await app.ClientForAsync(Roles.Advocate);
        using var both = await app.ClientForAsync(Roles.Advocate);
        using var onlyOriginal = await app.ClientForAsync(Roles.Seller);
        var original = await PostAsync(manager, "Export to Excel");
        var duplicate = await PostAsync(onlyDuplicate, "Excel export please");
        await VoteAsync(onlyDuplicate, duplicate.Id);
        await VoteAsync(both, duplicate.Id);
        await VoteAsync(both, original.Id);
        await VoteAsync(onlyOriginal, original.Id);
        (await onlyDuplicate.PostAsJsonAsync($"/api/v1/ideas/{duplicate.Id}/comments", new { text = "We need this for finance." }, Ct)).EnsureSuccessStatusCode();

        using var merged = await manager.PostAsJsonAsync($"/api/v1/ideas/{duplicate.Id}/merge", new { intoId = original.Id }, Ct);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergedDuplicate = (await merged.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        Assert.Equal(("Duplicate", new IdeaLink(original.Id, "Export to Excel")), (mergedDuplicate.Status, mergedDuplicate.MergedInto));
        var afterMerge = await GetAsync(onlyDuplicate, original.Id);
        Assert.Equal((3, true), (afterMerge.Votes, afterMerge.Voted));
        Assert.Equal([new IdeaLink(duplicate.Id, "Excel export please")], afterMerge.Duplicates);
        var comment = Assert.Single(afterMerge.Comments);
        Assert.Equal(("We need this for finance.", duplicate.Id), (comment.Text, comment.FromDuplicate?.Id));
        Assert.Equal("We need this for finance.", Assert.Single((await GetAsync(onlyDuplicate, duplicate.Id)).Comments).Text);
        Assert.DoesNotContain(duplicate.Id, (await BoardAsync(manager, "q=excel")).Items.Select(i => i.Id));
        Assert.Contains(duplicate.Id, (await BoardAsync(manager, "q=excel&status=Duplicate")).Items.Select(i => i.Id));
        Assert.Contains("was merged into “Export to Excel”", Assert.Single(await NotificationsAsync(onlyDuplicate)).Text, StringComparison.Ordinal);
        using var voteOnDuplicate = await onlyOriginal.PostAsync($"/api/v1/ideas/{duplicate.Id}/votes", null, Ct);
        Assert.Equal("The idea was merged into another.", (await voteOnDuplicate.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());

        using var undone = await manager.DeleteAsync($"/api/v1/ideas/{duplicate.Id}/merge", Ct);

        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        var restored = (await undone.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        Assert.Equal(("New", null, 2), (restored.Status, restored.MergedInto, restored.Votes));
        var originalAgain = await GetAsync(onlyDuplicate, original.Id);
        Assert.Equal((2, false), (originalAgain.Votes, originalAgain.Voted));
        Assert.Empty(originalAgain.Duplicates);
        Assert.Empty(originalAgain.Comments);
        var votes = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().IdeaVotes
            .Where(v => v.IdeaId == duplicate.Id || v.IdeaId == original.Id).CountAsync(Ct));
        Assert.Equal(4, votes);
    }

    [Fact]
    public async Task An_idea_cannot_be_merged_into_itself()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var idea = await PostAsync(manager, "Self merge");

        using var response = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/merge", new { intoId = idea.Id }, Ct);

        Assert.Equal(["An idea cannot be merged into itself."], await response.AssertValidationProblemAsync("intoId"));
        Assert.Equal("New", (await GetAsync(manager, idea.Id)).Status);
    }

    [Fact]
    public async Task A_merge_that_would_loop_is_refused_and_changes_nothing()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var a = await PostAsync(manager, "Loop A");
        var b = await PostAsync(manager, "Loop B");
        var c = await PostAsync(manager, "Loop C");
        (await manager.PostAsJsonAsync($"/api/v1/ideas/{a.Id}/merge", new { intoId = b.Id }, Ct)).EnsureSuccessStatusCode();
        (await manager.PostAsJsonAsync($"/api/v1/ideas/{b.Id}/merge", new { intoId = c.Id }, Ct)).EnsureSuccessStatusCode();

        using var loop = await manager.PostAsJsonAsync($"/api/v1/ideas/{c.Id}/merge", new { intoId = a.Id }, Ct);

        var problem = await loop.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The merge would make a loop.", problem.GetProperty("title").GetString());
        Assert.Equal(("Duplicate", "Duplicate", "New"), ((await GetAsync(manager, a.Id)).Status, (await GetAsync(manager, b.Id)).Status, (await GetAsync(manager, c.Id)).Status));
        Assert.Null((await GetAsync(manager, c.Id)).MergedInto);
    }

    [Fact]
    public async Task Merges_refuse_what_cannot_be_undone_exactly()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var a = await PostAsync(manager, "Chain A");
        var b = await PostAsync(manager, "Chain B");
        var c = await PostAsync(manager, "Chain C");
        (await manager.PostAsJsonAsync($"/api/v1/ideas/{a.Id}/merge", new { intoId = b.Id }, Ct)).EnsureSuccessStatusCode();

        using var twice = await manager.PostAsJsonAsync($"/api/v1/ideas/{a.Id}/merge", new { intoId = c.Id }, Ct);
        using var intoDuplicate = await manager.PostAsJsonAsync($"/api/v1/ideas/{c.Id}/merge", new { intoId = a.Id }, Ct);
        (await manager.PostAsJsonAsync($"/api/v1/ideas/{b.Id}/merge", new { intoId = c.Id }, Ct)).EnsureSuccessStatusCode();
        using var undoUnderneath = await manager.DeleteAsync($"/api/v1/ideas/{a.Id}/merge", Ct);
        using var undoUnmerged = await manager.DeleteAsync($"/api/v1/ideas/{c.Id}/merge", Ct);
        using var missing = await manager.PostAsJsonAsync($"/api/v1/ideas/{c.Id}/merge", new { }, Ct);

        Assert.Equal("The idea is already merged.", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("The idea to merge into is itself a duplicate.", (await intoDuplicate.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("The original has since been merged itself.", (await undoUnderneath.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("The idea is not merged.", (await undoUnmerged.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal(["intoId is required: the id of the original idea."], await missing.AssertValidationProblemAsync("intoId"));
        // C's conversation includes its duplicate B and B's duplicate A.
        Assert.Equal([new IdeaLink(b.Id, "Chain B")], (await GetAsync(manager, c.Id)).Duplicates);
    }

    [Fact]
    public async Task Similar_ideas_are_ranked_with_a_score_and_unrelated_ones_left_out()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var same = await PostAsync(advocate, $"Export {tag} reports to spreadsheet");
        var close = await PostAsync(advocate, $"Export {tag} reports to spreadsheet files nightly");
        var unrelated = await PostAsync(advocate, $"Dark {tag} theme for mobile");

        var similar = await advocate.GetFromJsonAsync<List<SimilarIdea>>($"/api/v1/ideas/similar?text={Uri.EscapeDataString($"Export {tag} reports to spreadsheet")}", Ct);

        Assert.NotNull(similar);
        Assert.Equal([same.Id, close.Id], similar.Select(s => s.Id).Take(2));
        Assert.DoesNotContain(unrelated.Id, similar.Select(s => s.Id));
        Assert.Equal(("New", 0, true), (similar[0].Status, similar[0].Votes, similar[0].PossibleDuplicate));
        Assert.True(similar[0].Score > similar[1].Score);
        Assert.All(similar, s => Assert.InRange(s.Score, IdeaQueries.SimilarFloor, 1));
    }

    [Fact]
    public async Task Similar_needs_text()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);

        using var response = await advocate.GetAsync("/api/v1/ideas/similar", Ct);

        Assert.Equal(["text is required."], await response.AssertValidationProblemAsync("text"));
        Assert.Empty((await advocate.GetFromJsonAsync<List<SimilarIdea>>("/api/v1/ideas/similar?text=%20%2C%20", Ct))!);
    }

    [Fact]
    public async Task Hot_lets_ignored_ideas_sink_while_top_counts_every_vote()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var oldFavourite = await PostAsync(manager, $"Hot {tag} old favourite");
        var risingStar = await PostAsync(manager, $"Hot {tag} rising star");
        var nobodyCares = await PostAsync(manager, $"Hot {tag} nobody cares");
        var now = DateTimeOffset.UtcNow;
        // Five votes five weeks ago weigh 5/32 today; two fresh ones weigh 2.
        await AddVotesAsync(oldFavourite.Id, Enumerable.Repeat(now.AddDays(-35), 5));
        await AddVotesAsync(risingStar.Id, [now.AddMinutes(-2), now.AddMinutes(-1)]);

        var top = await BoardAsync(manager, $"q={tag}&sort=top");
        var hot = await BoardAsync(manager, $"q={tag}&sort=hot");
        var newest = await BoardAsync(manager, $"q={tag}&sort=new");

        Assert.Equal([oldFavourite.Id, risingStar.Id, nobodyCares.Id], top.Items.Select(i => i.Id));
        Assert.Equal([risingStar.Id, oldFavourite.Id, nobodyCares.Id], hot.Items.Select(i => i.Id));
        Assert.Equal([nobodyCares.Id, risingStar.Id, oldFavourite.Id], newest.Items.Select(i => i.Id));
        Assert.Equal([5, 2, 0], top.Items.Select(i => i.Votes));
        Assert.Equal(5.0 / 32, hot.Items[1].Hot, 3);
        Assert.Equal(2, hot.Items[0].Hot, 3);
    }

    [Fact]
    public async Task Value_weighs_demand_by_the_voters_accounts_and_narrows_to_a_segment()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (enterprise, enterpriseId) = await AdvocateAtAsync($"Value Corp {tag}", Segment.Enterprise, 2_000_000, grossProfit: 200_000, industry: "Banking");
        var (colleague, _) = await AdvocateAtAsync(enterpriseId);
        var smallOnes = new List<HttpClient>();
        foreach (var i in Enumerable.Range(1, 3))
        {
            smallOnes.Add((await AdvocateAtAsync($"Value Shop {tag} {i}", Segment.SmallBusiness, 100_000, grossProfit: 90_000, industry: "Retail")).Client);
        }
        var bigAsk = await PostAsync(manager, $"Value {tag} audit trail export");
        var popular = await PostAsync(manager, $"Value {tag} emoji reactions");
        var employeesOnly = await PostAsync(manager, $"Value {tag} internal wiki");
        await VoteAsync(enterprise, bigAsk.Id);
        await VoteAsync(colleague, bigAsk.Id);
        foreach (var small in smallOnes)
        {
            await VoteAsync(small, popular.Id);
        }
        await VoteAsync(manager, employeesOnly.Id);

        var byRevenue = await BoardAsync(manager, $"q={tag}&sort=value");
        var byProfit = await BoardAsync(manager, $"q={tag}&sort=value&by=grossProfit");
        var top = await BoardAsync(manager, $"q={tag}&sort=top");
        var smallBusiness = await BoardAsync(manager, $"q={tag}&sort=value&segment=SmallBusiness");
        var banking = await BoardAsync(manager, $"q={tag}&sort=top&industry=banking");
        var retailSmall = await BoardAsync(manager, $"q={tag}&sort=value&segment=smallbusiness&industry=Retail");

        Assert.Equal([bigAsk.Id, popular.Id, employeesOnly.Id], byRevenue.Items.Select(i => i.Id));
        Assert.Equal(new DemandResponse(2, 1, 2_000_000, 200_000), byRevenue.Items[0].Demand);
        Assert.Equal(new DemandResponse(1, 0, 0, 0), byRevenue.Items[2].Demand);
        Assert.Equal([popular.Id, bigAsk.Id, employeesOnly.Id], byProfit.Items.Select(i => i.Id));
        Assert.Equal([popular.Id, bigAsk.Id, employeesOnly.Id], top.Items.Select(i => i.Id));
        Assert.Equal([popular.Id], smallBusiness.Items.Select(i => i.Id));
        Assert.Equal(new DemandResponse(3, 3, 300_000, 270_000), smallBusiness.Items[0].Demand);
        Assert.Equal([bigAsk.Id], banking.Items.Select(i => i.Id));
        Assert.Equal([popular.Id], retailSmall.Items.Select(i => i.Id));

        // Taking a vote back takes its account's value back only when no one else from the account still votes.
        (await colleague.DeleteAsync($"/api/v1/ideas/{bigAsk.Id}/votes", Ct)).EnsureSuccessStatusCode();
        Assert.Equal(new DemandResponse(1, 1, 2_000_000, 200_000), (await GetAsync(manager, bigAsk.Id)).Demand);
        (await enterprise.DeleteAsync($"/api/v1/ideas/{bigAsk.Id}/votes", Ct)).EnsureSuccessStatusCode();
        Assert.Equal(new DemandResponse(0, 0, 0, 0), (await GetAsync(manager, bigAsk.Id)).Demand);
        Assert.Empty((await BoardAsync(manager, $"q={tag}&segment=Enterprise")).Items);

        var advocateBoard = await BoardAsync(enterprise, $"q={tag}&sort=value");
        Assert.All(advocateBoard.Items, i => Assert.Null(i.Demand));
        foreach (var client in smallOnes.Append(enterprise).Append(colleague))
        {
            client.Dispose();
        }
    }

    [Theory]
    [InlineData("sort=best", "sort")]
    [InlineData("sort=1", "sort")]
    [InlineData("by=margin", "by")]
    [InlineData("status=Shipped", "status")]
    [InlineData("segment=Huge", "segment")]
    [InlineData("industry=Basket%20weaving", "industry")]
    [InlineData("productArea=Nothing", "productArea")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task A_bad_board_query_names_the_parameter(string query, string field)
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);

        using var response = await advocate.GetAsync($"/api/v1/ideas?{query}", Ct);

        Assert.NotEmpty(await response.AssertValidationProblemAsync(field));
    }

    [Fact]
    public async Task A_hidden_idea_is_gone_for_everyone_but_managers()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var idea = await PostAsync(advocate, $"Rude {tag} words");

        using var hidden = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/hide", new { reason = " Insults another customer. " }, Ct);

        var read = (await hidden.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        Assert.Equal((true, "Insults another customer."), (read.IsHidden, read.HiddenReason));
        using (var get = await advocate.GetAsync($"/api/v1/ideas/{idea.Id}", Ct))
        {
            await get.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using (var vote = await advocate.PostAsync($"/api/v1/ideas/{idea.Id}/votes", null, Ct))
        {
            await vote.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Empty((await BoardAsync(manager, $"q={tag}")).Items);
        Assert.Empty((await advocate.GetFromJsonAsync<List<SimilarIdea>>($"/api/v1/ideas/similar?text=Rude%20{tag}%20words", Ct))!);
        // The author is told why, without a link to an idea they can no longer open.
        var told = Assert.Single(await NotificationsAsync(advocate));
        Assert.Equal(("A moderator hid your idea. Reason: Insults another customer.", null), (told.Text, told.Link));
        var audit = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().AuditEntries
            .Where(e => e.RecordType == nameof(Idea) && e.RecordId == idea.Id.ToString() && e.Action == AuditAction.Updated && e.After!.Contains("IsHidden")).CountAsync(Ct));
        Assert.Equal(1, audit);

        (await manager.DeleteAsync($"/api/v1/ideas/{idea.Id}/hide", Ct)).EnsureSuccessStatusCode();
        var shown = await GetAsync(advocate, idea.Id);
        Assert.Equal((false, null), (shown.IsHidden, shown.HiddenReason));
    }

    [Fact]
    public async Task An_employee_idea_is_on_the_employee_board_and_nowhere_an_advocate_looks()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var posted = await seller.PostAsJsonAsync("/api/v1/ideas",
            new { title = $"Quota planner {tag} for sellers", description = "Plan the quarter.", board = "employee" }, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var idea = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        Assert.Equal("Employee", idea.Board);

        Assert.Equal([idea.Id], (await BoardAsync(seller, $"board=employee&q={tag}")).Items.Select(i => i.Id));
        Assert.Empty((await BoardAsync(seller, $"q={tag}")).Items);
        Assert.Single((await seller.GetFromJsonAsync<List<SimilarIdea>>($"/api/v1/ideas/similar?board=employee&text=Quota%20planner%20{tag}", Ct))!);

        using (var get = await advocate.GetAsync($"/api/v1/ideas/{idea.Id}", Ct))
        {
            await get.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using (var vote = await advocate.PostAsync($"/api/v1/ideas/{idea.Id}/votes", null, Ct))
        {
            await vote.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using (var comment = await advocate.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments", new { text = "Me too" }, Ct))
        {
            await comment.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Empty((await BoardAsync(advocate, $"q={tag}")).Items);
        Assert.DoesNotContain(idea.Id, (await advocate.GetFromJsonAsync<List<SimilarIdea>>($"/api/v1/ideas/similar?text=Quota%20planner%20{tag}%20for%20sellers", Ct))!.Select(i => i.Id));
        using (var list = await advocate.GetAsync($"/api/v1/ideas?board=employee&q={tag}", Ct))
        {
            Assert.Equal(["Only employees use the employee board: board must be customer."], await list.AssertValidationProblemAsync("board"));
        }
        using (var similar = await advocate.GetAsync($"/api/v1/ideas/similar?board=employee&text=Quota", Ct))
        {
            await similar.AssertValidationProblemAsync("board");
        }
    }

    [Fact]
    public async Task An_advocate_cannot_post_to_the_employee_board_and_nothing_is_written()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var before = await CountIdeasAsync();

        using var response = await advocate.PostAsJsonAsync("/api/v1/ideas", new { title = "Secret", description = "D", board = "employee" }, Ct);

        Assert.Equal(["Only employees use the employee board: board must be customer."], await response.AssertValidationProblemAsync("board"));
        Assert.Equal(before, await CountIdeasAsync());
    }

    [Fact]
    public async Task An_idea_is_merged_only_into_one_on_its_own_board()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var customer = await PostAsync(manager, "Board merge customer idea");
        using var posted = await manager.PostAsJsonAsync("/api/v1/ideas", new { title = "Board merge employee idea", description = "D", board = "employee" }, Ct);
        var employee = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;

        using var response = await manager.PostAsJsonAsync($"/api/v1/ideas/{employee.Id}/merge", new { intoId = customer.Id }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The ideas are on different boards.", problem.GetProperty("title").GetString());
        Assert.Null((await GetAsync(manager, employee.Id)).MergedInto);
    }

    [Theory]
    [InlineData(null, "reason is required.")]
    [InlineData("  ", "reason is required.")]
    [InlineData(IdeaComment.HiddenReasonMaxLength + 1, "reason must be at most 500 characters.")]
    public async Task Hiding_needs_a_reason_and_a_refusal_hides_nothing(object? reason, string message)
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var idea = await PostAsync(advocate, "Needs a reason");
        var comment = await CommentAsync(advocate, idea.Id, "A comment");
        var body = new { reason = reason is int length ? new string('r', length) : (string?)reason };

        using var ideaRefused = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/hide", body, Ct);
        using var commentRefused = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments/{comment.Id}/hide", body, Ct);
        using var noBody = await manager.PostAsync($"/api/v1/ideas/{idea.Id}/comments/{comment.Id}/hide", null, Ct);

        Assert.Equal([message], await ideaRefused.AssertValidationProblemAsync("reason"));
        Assert.Equal([message], await commentRefused.AssertValidationProblemAsync("reason"));
        Assert.Equal(["reason is required."], await noBody.AssertValidationProblemAsync("reason"));
        var read = await GetAsync(advocate, idea.Id);
        Assert.Equal((false, false, "A comment"), (read.IsHidden, Assert.Single(read.Comments).IsHidden, read.Comments[0].Text));
        Assert.Empty(await NotificationsAsync(advocate));
    }

    [Fact]
    public async Task A_hidden_comment_reads_as_hidden_to_everyone_but_managers_and_its_author_is_told_why_without_the_text()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var author = await app.ClientForAsync(Roles.Advocate);
        using var reader = await app.ClientForAsync(Roles.Seller);
        var idea = await PostAsync(reader, "Moderated thread");
        var rude = await CommentAsync(author, idea.Id, "You are all idiots");
        var kind = await CommentAsync(reader, idea.Id, "Thanks for the idea");

        using var hidden = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments/{rude.Id}/hide", new { reason = "Abusive language." }, Ct);
        using var again = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments/{rude.Id}/hide", new { reason = "Still abusive." }, Ct);

        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var managerView = (await hidden.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!.Comments;
        Assert.Equal([("You are all idiots", true, "Abusive language."), ("Thanks for the idea", false, null)],
            managerView.Select(c => (c.Text, c.IsHidden, c.HiddenReason)));
        foreach (var other in new[] { author, reader })
        {
            var comments = (await GetAsync(other, idea.Id)).Comments;
            Assert.Equal([(null, true, null), ("Thanks for the idea", false, null)], comments.Select(c => (c.Text, c.IsHidden, c.HiddenReason)));
        }
        var told = Assert.Single(await NotificationsAsync(author));
        Assert.Equal(("A moderator hid your comment on “Moderated thread”. Reason: Abusive language.", $"/ideas/{idea.Id}"), (told.Text, told.Link));
        Assert.DoesNotContain("idiots", told.Text, StringComparison.Ordinal);
        var audited = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().AuditEntries
            .Where(e => e.RecordType == nameof(IdeaComment) && e.RecordId == rude.Id.ToString() && e.Action == AuditAction.Updated)
            .Select(e => e.After).ToListAsync(Ct));
        Assert.Contains("Abusive language.", Assert.Single(audited), StringComparison.Ordinal);

        using var shown = await manager.DeleteAsync($"/api/v1/ideas/{idea.Id}/comments/{rude.Id}/hide", Ct);

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var back = Assert.Single((await GetAsync(reader, idea.Id)).Comments, c => c.Id == rude.Id);
        Assert.Equal(("You are all idiots", false), (back.Text, back.IsHidden));
        Assert.Equal(2, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().AuditEntries
            .CountAsync(e => e.RecordType == nameof(IdeaComment) && e.RecordId == rude.Id.ToString() && e.Action == AuditAction.Updated, Ct)));
    }

    [Fact]
    public async Task A_comment_on_a_merged_duplicate_is_hidden_through_the_duplicate_and_is_hidden_on_the_original_too()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var original = await PostAsync(manager, "Merged moderation original");
        var duplicate = await PostAsync(advocate, "Merged moderation duplicate");
        var comment = await CommentAsync(advocate, duplicate.Id, "Rude words");
        (await manager.PostAsJsonAsync($"/api/v1/ideas/{duplicate.Id}/merge", new { intoId = original.Id }, Ct)).EnsureSuccessStatusCode();

        using var throughOriginal = await manager.PostAsJsonAsync($"/api/v1/ideas/{original.Id}/comments/{comment.Id}/hide", new { reason = "Rude." }, Ct);
        using var throughDuplicate = await manager.PostAsJsonAsync($"/api/v1/ideas/{duplicate.Id}/comments/{comment.Id}/hide", new { reason = "Rude." }, Ct);

        Assert.Equal("The comment was not found.", (await throughOriginal.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, throughDuplicate.StatusCode);
        var onOriginal = Assert.Single((await GetAsync(advocate, original.Id)).Comments);
        Assert.Equal((null, true, duplicate.Id), (onOriginal.Text, onOriginal.IsHidden, onOriginal.FromDuplicate?.Id));
    }

    [Fact]
    public async Task Hiding_an_unknown_comment_or_one_of_an_unknown_idea_is_404()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var idea = await PostAsync(manager, "Unknown comment target");
        var unknown = Guid.CreateVersion7();

        using var noComment = await manager.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments/{unknown}/hide", new { reason = "r" }, Ct);
        using var noIdea = await manager.PostAsJsonAsync($"/api/v1/ideas/{unknown}/comments/{unknown}/hide", new { reason = "r" }, Ct);
        using var unhideNoComment = await manager.DeleteAsync($"/api/v1/ideas/{idea.Id}/comments/{unknown}/hide", Ct);

        Assert.Equal("The comment was not found.", (await noComment.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        Assert.Equal("The idea was not found.", (await noIdea.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        await unhideNoComment.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_seller_cannot_hide_a_comment_and_it_stays_shown()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var idea = await PostAsync(advocate, "Seller moderation");
        var comment = await CommentAsync(advocate, idea.Id, "I disagree");

        using var response = await seller.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments/{comment.Id}/hide", new { reason = "I do not like it." }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("I disagree", Assert.Single((await GetAsync(advocate, idea.Id)).Comments).Text);
    }

    private static async Task<CommentResponse> CommentAsync(HttpClient client, Guid ideaId, string text)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { text }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CommentResponse>(Ct))!;
    }

    private static async Task<IdeaResponse> PostAsync(HttpClient client, string title, string description = "Because we need it.", string? productArea = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/ideas", new { title, description, productArea }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
    }

    private static async Task<IdeaResponse> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<IdeaResponse>($"/api/v1/ideas/{id}", Ct))!;

    private static async Task<VoteResponse> VoteAsync(HttpClient client, Guid id)
    {
        using var response = await client.PostAsync($"/api/v1/ideas/{id}/votes", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VoteResponse>(Ct))!;
    }

    private static async Task<IdeaResponse> SetStatusAsync(HttpClient client, Guid id, string status, string? response)
    {
        using var answer = await client.PostAsJsonAsync($"/api/v1/ideas/{id}/status", new { status, response }, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
    }

    private static async Task<Paged<IdeaSummary>> BoardAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<Paged<IdeaSummary>>($"/api/v1/ideas?{query}", Ct))!;

    private static async Task<IReadOnlyList<NotificationResponse>> NotificationsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Paged<NotificationResponse>>("/api/v1/notifications", Ct))!.Items;

    private Task<int> CountIdeasAsync() =>
        app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Ideas.CountAsync(Ct));

    /// <summary>Votes from new employees at the given times, as if cast then.</summary>
    private Task AddVotesAsync(Guid ideaId, IEnumerable<DateTimeOffset> times) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        foreach (var at in times)
        {
            var voter = await app.AddUserAsync(Roles.Seller);
            db.IdeaVotes.Add(new IdeaVote { IdeaId = ideaId, UserId = voter.Id, At = at });
        }
        await db.SaveChangesAsync(Ct);
        var idea = await db.Ideas.SingleAsync(i => i.Id == ideaId, Ct);
        await services.GetRequiredService<IdeaExchange>().RecountAsync(idea, Ct);
        await db.SaveChangesAsync(Ct);
    });

    /// <summary>An advocate at a new account with these figures.</summary>
    private async Task<(HttpClient Client, Guid AccountId)> AdvocateAtAsync(
        string account, Segment segment, decimal revenue, decimal? grossProfit = null, string? industry = null)
    {
        var accountId = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var key = industry is null ? null : Keys.FromName(industry);
            var created = new Account
            {
                Name = account,
                Segment = segment,
                AnnualRevenue = revenue,
                GrossProfit = grossProfit ?? revenue / 2,
                IndustryId = key is null ? null : await db.Industries.Where(i => i.Key == key).Select(i => i.Id).SingleAsync(Ct),
            };
            db.Accounts.Add(created);
            await db.SaveChangesAsync(Ct);
            return created.Id;
        });
        return await AdvocateAtAsync(accountId);
    }

    /// <summary>An advocate who is a new contact at <paramref name="accountId"/>, linked by an admin.</summary>
    private async Task<(HttpClient Client, Guid AccountId)> AdvocateAtAsync(Guid accountId)
    {
        var user = await app.AddUserAsync(Roles.Advocate);
        var contactId = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var contact = new Contact { AccountId = accountId, FirstName = "Ada", LastName = user.Email };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(Ct);
            return contact.Id;
        });
        using var admin = await app.ClientForAsync(Roles.Admin);
        using var linked = await admin.PutAsJsonAsync($"/api/v1/users/{user.Email}/contact", new { contactId }, Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(contactId, (await linked.Content.ReadFromJsonAsync<UserContactResponse>(Ct))!.ContactId);
        return (app.ClientWithToken(await app.CreateTokenAsync(user.Id)), accountId);
    }

    [Fact]
    public async Task Linking_a_user_to_an_unknown_contact_or_an_unknown_user_is_refused()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var advocate = await app.AddUserAsync(Roles.Advocate);
        var unknown = Guid.CreateVersion7();

        using var noContact = await admin.PutAsJsonAsync($"/api/v1/users/{advocate.Email}/contact", new { contactId = unknown }, Ct);
        using var noUser = await admin.PutAsJsonAsync("/api/v1/users/nobody-at-all@example.com/contact", new { contactId = (Guid?)null }, Ct);

        Assert.Equal([$"No contact has the id {unknown}."], await noContact.AssertValidationProblemAsync("contactId"));
        await noUser.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
