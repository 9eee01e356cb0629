using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Ideas;
using Vouch.Features.Ideas.Ranking;
using Vouch.Features.Tokens;
using Vouch.Features.Users;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Votes arriving all at once over real connections to a real server.</summary>
public sealed class IdeaVoteConcurrencyTests(VouchApp.OnKestrel app) : IClassFixture<VouchApp.OnKestrel>
{
    private const int Voters = 1_000;
    private const int VotingTwice = 200;
    private const int Accounts = 10;
    private const int VotersWithAnAccount = 100;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thousand_votes_at_once_plus_repeats_count_exactly_once_each()
    {
        var tokens = await AddVotersAsync(Voters);
        using var author = await app.ClientForAsync(Roles.Advocate);
        using var posted = await author.PostAsJsonAsync("/api/v1/ideas", new { title = "Offline mode", description = "For flights." }, Ct);
        var idea = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        using var client = app.AnonymousClient();

        // Every voter once, and the first 200 a second time, all sent before any answer comes back.
        var requests = tokens.Concat(tokens.Take(VotingTwice)).Select(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ideas/{idea.Id}/votes");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            using var response = await client.SendAsync(request, Ct);
            return (token.UserId, response.StatusCode, Vote: response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<VoteResponse>(Ct) : null);
        });
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.True(a.Vote!.Voted));
        Assert.Equal(Voters, answers.Max(a => a.Vote!.Votes));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var votes = await db.IdeaVotes.Where(v => v.IdeaId == idea.Id).Select(v => new { v.UserId, v.At, v.AccountId }).ToListAsync(Ct);
            Assert.Equal(Voters, votes.Count);
            Assert.Equal(tokens.Select(t => t.UserId).Order(), votes.Select(v => v.UserId).Order());

            // The tallies kept vote by vote are what recomputing them from the votes gives.
            var stored = await db.Ideas.AsNoTracking().SingleAsync(i => i.Id == idea.Id, Ct);
            Assert.Equal(new Demand(Voters, Accounts, Accounts * 100_000, Accounts * 40_000), stored.Demand);
            Assert.Equal(services.GetRequiredService<HotScore>().Of(votes.Select(v => v.At)), stored.HotScore, 6);
            var segment = await db.IdeaDemands.SingleAsync(d => d.IdeaId == idea.Id && d.Facet == DemandFacets.For(Segment.MidMarket, null), Ct);
            Assert.Equal(new Demand(VotersWithAnAccount, Accounts, Accounts * 100_000, Accounts * 40_000), segment.Demand);
        });
        var read = (await author.GetFromJsonAsync<IdeaResponse>($"/api/v1/ideas/{idea.Id}", Ct))!;
        Assert.Equal(Voters, read.Votes);
    }

    [Fact]
    public async Task Votes_from_several_app_instances_at_once_rely_on_the_database_alone()
    {
        // Four vote queues writing their batches at the same time, as four instances behind a load balancer would.
        var voters = (await AddVotersAsync(100)).Select(v => v.UserId).ToList();
        using var author = await app.ClientForAsync(Roles.Seller);
        using var posted = await author.PostAsJsonAsync("/api/v1/ideas", new { title = "Audit log export", description = "CSV." }, Ct);
        var ideaId = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!.Id;
        var instances = Enumerable.Range(0, 4)
            .Select(_ => new IdeaVoteQueue(app.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<IdeaVoteQueue>.Instance))
            .ToList();
        foreach (var instance in instances)
        {
            await instance.StartAsync(Ct);
        }

        var votes = voters.Concat(voters.Take(20)).Select((userId, i) => Task.Run(() => app.WithScopeAsync(async services =>
        {
            var exchange = new IdeaExchange(
                services.GetRequiredService<VouchDbContext>(), services.GetRequiredService<HotScore>(), services.GetRequiredService<IdeaVoteGate>(),
                instances[i % instances.Count], services.GetRequiredService<IdeaBoardTotals>(), services.GetRequiredService<AuditActor>(), TimeProvider.System);
            return await exchange.VoteAsync(new Viewer(userId, IsEmployee: false, IsManager: false), ideaId, Ct);
        }), Ct));
        var answers = await Task.WhenAll(votes);
        foreach (var instance in instances)
        {
            await instance.StopAsync(Ct);
        }

        Assert.All(answers, a => Assert.Null(a.Refusal));
        var read = (await author.GetFromJsonAsync<IdeaResponse>($"/api/v1/ideas/{ideaId}", Ct))!;
        Assert.Equal(100, read.Votes);
        Assert.Equal(100, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().IdeaVotes.CountAsync(v => v.IdeaId == ideaId, Ct)));
    }

    /// <summary>
    /// Users with tokens, written straight to the database: hashing a thousand passwords would take minutes and is not
    /// what these tests are about. The first hundred are advocates at ten mid-market accounts.
    /// </summary>
    private Task<List<(Guid UserId, string Token)>> AddVotersAsync(int count) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var now = DateTimeOffset.UtcNow;
        var accounts = Enumerable.Range(0, Accounts)
            .Select(i => new Account { Name = $"Concurrent {i}", Segment = Segment.MidMarket, AnnualRevenue = 100_000, GrossProfit = 40_000 })
            .ToList();
        db.Accounts.AddRange(accounts);
        var tokens = new List<(Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var email = $"voter-{i}-{Guid.NewGuid():N}@example.com";
            var role = i < VotersWithAnAccount ? Roles.Advocate : Roles.Seller;
            var user = new User
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString("N"),
                DisplayName = $"Voter {i}",
                CreatedAt = now,
            };
            if (i < VotersWithAnAccount)
            {
                var contact = new Contact { AccountId = accounts[i % Accounts].Id, FirstName = "Voter", LastName = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                db.Contacts.Add(contact);
                user.ContactId = contact.Id;
            }
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = StableId.For("role:" + role) });
            var (token, plainText) = AccessToken.Create(user.Id, "votes", now, null);
            token.LastUsedAt = now;
            db.AccessTokens.Add(token);
            tokens.Add((user.Id, plainText));
        }
        await db.SaveChangesAsync(Ct);
        return tokens;
    });
}
