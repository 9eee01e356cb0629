using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vouch.Auth;
using Vouch.Commands;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Ideas;
using Vouch.Features.Ideas.Ranking;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Votes written in batches: each vote of a batch is checked and counted as if it had come alone.</summary>
public sealed class IdeaVoteBatchTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_batch_answers_each_vote_as_if_they_had_come_one_after_another()
    {
        var account = await AddAccountAsync();
        var (first, colleague, employee) = (await VoterAsync(account), await VoterAsync(account), await VoterAsync());
        var open = await AddIdeaAsync(first.UserId, "Batch open");
        var declined = await AddIdeaAsync(first.UserId, "Batch declined", i => i.Status = IdeaStatus.Declined);
        var hidden = await AddIdeaAsync(first.UserId, "Batch hidden", i => i.IsHidden = true);
        Ballot For(Viewer voter, Guid ideaId) => new(voter, ideaId, (voter.UserId, $"voter {voter.UserId}"));

        var outcomes = await app.WithScopeAsync(services => services.GetRequiredService<IdeaExchange>().RecordAsync(
        [
            For(first, open),
            For(first, open),
            For(colleague, open),
            For(employee, open),
            For(employee, declined),
            For(employee, hidden),
            For(employee, Guid.NewGuid()),
        ], Ct));

        Assert.Equal([1, 1, 2, 3], outcomes[..4].Select(o => o.Value!.Votes));
        Assert.All(outcomes[..4], o => Assert.True(o.Value!.Voted));
        Assert.Equal([RefusalKind.Conflict, RefusalKind.NotFound, RefusalKind.NotFound], outcomes[4..].Select(o => o.Refusal!.Kind));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var idea = await db.Ideas.AsNoTracking().SingleAsync(i => i.Id == open, Ct);
            // Two voters at one account count the account once.
            Assert.Equal(new Demand(3, 1, 100_000, 40_000), idea.Demand);
            var segment = await db.IdeaDemands.SingleAsync(d => d.IdeaId == open && d.Facet == DemandFacets.For(Segment.MidMarket, null), Ct);
            Assert.Equal(new Demand(2, 1, 100_000, 40_000), segment.Demand);
            Assert.Equal(0, await db.IdeaVotes.CountAsync(v => v.IdeaId == declined || v.IdeaId == hidden, Ct));
            // Each vote's audit entry names its own voter, not the batch.
            var audited = await db.AuditEntries.Where(e => e.RecordType == nameof(IdeaVote) && e.RecordId.StartsWith(open.ToString()))
                .Select(e => new { e.UserId, e.Actor }).ToListAsync(Ct);
            Assert.Equal(new[] { first.UserId, colleague.UserId, employee.UserId }.Order(), audited.Select(e => e.UserId!.Value).Order());
            Assert.All(audited, e => Assert.Equal($"voter {e.UserId}", e.Actor));
        });
    }

    [Fact]
    public async Task A_batch_that_fails_is_written_again_one_vote_at_a_time()
    {
        var voter = await VoterAsync();
        var other = await VoterAsync();
        var idea = await AddIdeaAsync(voter.UserId, "Batch retried");
        var nobody = new Viewer(Guid.NewGuid(), IsEmployee: true, IsManager: false);
        var queue = new IdeaVoteQueue(app.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<IdeaVoteQueue>.Instance);

        // Queued before the queue starts, so all three are in its first batch; the vote of a user who does not exist
        // breaks the batch on the foreign key.
        var votes = new[] { voter, nobody, other }.Select(v => queue.CastAsync(new Ballot(v, idea, (v.UserId, "voter")), Ct)).ToList();
        await queue.StartAsync(Ct);
        try
        {
            Assert.True((await votes[0]).Value!.Voted);
            await Assert.ThrowsAsync<DbUpdateException>(() => votes[1]);
            Assert.True((await votes[2]).Value!.Voted);
        }
        finally
        {
            await queue.StopAsync(Ct);
        }
        Assert.Equal(2, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Ideas.Where(i => i.Id == idea).Select(i => i.VoteCount).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Stopping_writes_the_votes_already_queued_and_takes_no_more()
    {
        var (first, queued, late) = (await VoterAsync(), await VoterAsync(), await VoterAsync());
        var idea = await AddIdeaAsync(first.UserId, "Batch stopped");
        var queue = new IdeaVoteQueue(app.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<IdeaVoteQueue>.Instance);
        await queue.StartAsync(Ct);
        Ballot From(Viewer voter) => new(voter, idea, (voter.UserId, "voter"));
        await queue.CastAsync(From(first), Ct);
        var waiting = queue.CastAsync(From(queued), Ct);

        await queue.StopAsync(Ct);

        Assert.True((await waiting).Value!.Voted);
        await Assert.ThrowsAsync<OperationCanceledException>(() => queue.CastAsync(From(late), Ct));
        var voters = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().IdeaVotes
            .Where(v => v.IdeaId == idea).Select(v => v.UserId).ToListAsync(Ct));
        Assert.Equal(new[] { first.UserId, queued.UserId }.Order(), voters.Order());
    }

    /// <summary>A new employee, or with <paramref name="accountId"/> a new advocate who is a contact there.</summary>
    private async Task<Viewer> VoterAsync(Guid? accountId = null)
    {
        var user = await app.AddUserAsync(accountId is null ? Roles.Seller : Roles.Advocate);
        if (accountId is { } account)
        {
            await app.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<VouchDbContext>();
                var contact = new Contact { AccountId = account, FirstName = "Batch", LastName = user.Email };
                db.Contacts.Add(contact);
                (await db.Users.SingleAsync(u => u.Id == user.Id, Ct)).ContactId = contact.Id;
                await db.SaveChangesAsync(Ct);
            });
        }
        return new Viewer(user.Id, IsEmployee: accountId is null, IsManager: false);
    }

    private Task<Guid> AddAccountAsync() => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var account = new Account { Name = $"Batch {Guid.NewGuid():N}", Segment = Segment.MidMarket, AnnualRevenue = 100_000, GrossProfit = 40_000 };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(Ct);
        return account.Id;
    });

    private Task<Guid> AddIdeaAsync(Guid authorId, string title, Action<Idea>? change = null) => app.WithScopeAsync(async services =>
    {
        var idea = new Idea { Title = title, Description = "For the batch tests.", AuthorId = authorId, CreatedAt = DateTimeOffset.UtcNow };
        change?.Invoke(idea);
        services.GetRequiredService<IdeaExchange>().Add(idea);
        await services.GetRequiredService<VouchDbContext>().SaveChangesAsync(Ct);
        return idea.Id;
    });
}
