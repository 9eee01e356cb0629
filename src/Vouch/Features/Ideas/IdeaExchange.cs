using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Ideas.Ranking;
using Vouch.Features.Notifications;

namespace Vouch.Features.Ideas;

/// <summary>
/// Everything that changes the idea exchange, one set of rules for the API and the pages. Each command checks
/// everything before it writes, so a refused command changes nothing.
/// </summary>
/// <remarks>
/// Commands that change an idea's tallies (votes, merges) run in one short transaction that first locks the idea's
/// row: on PostgreSQL with <c>SELECT … FOR NO KEY UPDATE</c> (which does not block inserting votes that reference the
/// row), on SQLite by the transaction itself, which takes the database's write lock when it begins. Commands for one
/// idea are therefore applied one after another (<see cref="IdeaVoteGate"/> queues them in the app rather than in the
/// connection pool). Votes are written in batches by <see cref="IdeaVoteQueue"/>, each batch locking all its ideas in
/// one order, and the unique key (idea, user) makes a second vote impossible even so.
/// </remarks>
public sealed class IdeaExchange(
    VouchDbContext db, HotScore hot, IdeaVoteGate gate, IdeaVoteQueue votes, IdeaBoardTotals totals, AuditActor actor, TimeProvider clock)
{
    private static readonly Refusal s_notFound = Refusal.NotFound("The idea");

    public async Task<CommandResult<Guid>> PostAsync(Viewer viewer, PostIdeaRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("title", request.Title, Idea.TitleMaxLength);
        if (request.Title is { } title && title.Any(char.IsControl))
        {
            errors.Add("title", "title must be one line of text, without line breaks or control characters.");
        }
        errors.Required("description", request.Description, Idea.DescriptionMaxLength);
        var board = viewer.BoardOf(request.Board, errors);
        Guid? productId = null;
        if (!string.IsNullOrWhiteSpace(request.ProductArea))
        {
            var key = Keys.FromName(request.ProductArea);
            productId = await db.Products.Where(p => p.Key == key).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
            if (productId is null)
            {
                errors.Add("productArea", $"'{request.ProductArea}' is not a known product area.");
            }
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var idea = new Idea
        {
            Title = request.Title!.Trim(),
            Description = request.Description!.Trim(),
            ProductId = productId,
            AuthorId = viewer.UserId,
            CreatedAt = clock.GetUtcNow(),
            Status = IdeaStatus.New,
            Board = board,
        };
        Add(idea);
        await db.SaveChangesAsync(ct);
        totals.IdeasChanged();
        return idea.Id;
    }

    /// <summary>Adds a new idea with its search terms; its author follows it, to hear what becomes of it.</summary>
    public void Add(Idea idea)
    {
        db.Ideas.Add(idea);
        db.IdeaTerms.AddRange(IdeaTerm.For(idea));
        db.IdeaFollows.Add(new IdeaFollow { IdeaId = idea.Id, UserId = idea.AuthorId, Since = idea.CreatedAt });
    }

    /// <summary>
    /// Votes for the idea. Voting again changes nothing and answers the same: a vote is idempotent. The vote is checked
    /// and written by <see cref="IdeaVoteQueue"/>, with the others that arrive at the same time.
    /// </summary>
    public async Task<CommandResult<VoteResponse>> VoteAsync(Viewer viewer, Guid id, CancellationToken ct)
    {
        try
        {
            return await votes.CastAsync(new Ballot(viewer, id, actor.Current), ct);
        }
        catch (DbUpdateException)
        {
            // The key refused a second vote that another instance wrote first: the vote the caller wants is there.
            if (!await db.IdeaVotes.AnyAsync(v => v.IdeaId == id && v.UserId == viewer.UserId, ct))
            {
                throw;
            }
            var count = await db.Ideas.Where(i => i.Id == id).Select(i => i.VoteCount).SingleAsync(ct);
            return new VoteResponse(id, count, true);
        }
    }

    /// <summary>
    /// Writes a batch of votes in one transaction and answers each: the votes of the batch are checked and counted in
    /// order, as if they had come one after another, and each answer is what that vote saw. The ideas are locked, and
    /// the voters' accounts, their votes and the demand rows the batch needs read, once for the whole batch.
    /// </summary>
    internal async Task<CommandResult<VoteResponse>[]> RecordAsync(IReadOnlyList<Ballot> ballots, CancellationToken ct)
    {
        var ids = ballots.Select(b => b.IdeaId).Distinct().ToArray();
        var voterIds = ballots.Select(b => b.Voter.UserId).Distinct().ToArray();
        var accounts = await AccountsOfAsync(voterIds, ct);
        var facets = accounts.Values.SelectMany(DemandFacets.Of).Distinct().ToArray();

        using var entered = await gate.EnterForBatchAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ideas = await LockAsync(ids, ct);
        var (voted, counted) = await VotesAlreadyCastAsync(ballots, ids, voterIds, accounts, ct);
        var demands = facets.Length == 0 ? [] : await db.IdeaDemands.Where(d => ids.Contains(d.IdeaId) && facets.Contains(d.Facet))
            .ToDictionaryAsync(d => (d.IdeaId, d.Facet), ct);

        var now = clock.GetUtcNow();
        var outcomes = new CommandResult<VoteResponse>[ballots.Count];
        for (var i = 0; i < ballots.Count; i++)
        {
            var (voter, id, _) = ballots[i];
            var account = accounts.GetValueOrDefault(voter.UserId);
            if (!ideas.TryGetValue(id, out var idea) || !voter.Sees(idea))
            {
                outcomes[i] = s_notFound;
            }
            else if (await RefuseVotesAsync(idea, ct) is { } refusal)
            {
                outcomes[i] = refusal;
            }
            else if (!voted.Add((id, voter.UserId)))
            {
                outcomes[i] = new VoteResponse(id, idea.VoteCount, true);
            }
            else
            {
                var vote = new IdeaVote { IdeaId = id, UserId = voter.UserId, At = now, AccountId = account?.Id };
                db.IdeaVotes.Add(vote);
                actor.Attribute(vote, ballots[i].Actor);
                var newAccount = account is not null && counted.Add((id, account.Id));
                idea.HotScore = hot.Add(idea.HotScore, now);
                idea.Demand = idea.Demand.Add(account, newAccount);
                foreach (var facet in DemandFacets.Of(account))
                {
                    if (!demands.TryGetValue((id, facet), out var row))
                    {
                        db.IdeaDemands.Add(row = demands[(id, facet)] = new IdeaDemand { IdeaId = id, Facet = facet });
                    }
                    row.Demand = row.Demand.Add(account, newAccount);
                }
                outcomes[i] = new VoteResponse(id, idea.VoteCount, true);
            }
        }
        // A vote that another instance wrote since the read above fails here, on the key, and the batch with it.
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        totals.VotesChanged();
        return outcomes;
    }

    /// <summary>
    /// Which of the batch's voters already voted for the idea they vote for, and which of the batch's ideas already have
    /// a vote from the account a voter votes for (only those make the account a new one for the idea's demand).
    /// </summary>
    /// <remarks>
    /// PostgreSQL looks up exactly the batch's (idea, voter) and (idea, account) pairs, one index probe each. Asked for
    /// every vote of the batch's ideas by any of its voters, it intersected the votes of a hundred voters (each with a
    /// few hundred votes at twenty million) with those of a hundred ideas: about a sixth of a vote's database time.
    /// </remarks>
    private async Task<(HashSet<(Guid IdeaId, Guid UserId)> Voted, HashSet<(Guid IdeaId, Guid AccountId)> Counted)> VotesAlreadyCastAsync(
        IReadOnlyList<Ballot> ballots, Guid[] ids, Guid[] voterIds, Dictionary<Guid, AccountValue> accounts, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var accountIds = accounts.Values.Select(a => a.Id).Distinct().ToArray();
            var votes = await db.IdeaVotes.Where(v => ids.Contains(v.IdeaId) && voterIds.Contains(v.UserId))
                .Select(v => new { v.IdeaId, v.UserId }).ToListAsync(ct);
            var accountVotes = accountIds.Length == 0 ? [] : await db.IdeaVotes
                .Where(v => ids.Contains(v.IdeaId) && v.AccountId != null && accountIds.Contains(v.AccountId.Value))
                .Select(v => new { v.IdeaId, AccountId = v.AccountId!.Value }).Distinct().ToListAsync(ct);
            return ([.. votes.Select(v => (v.IdeaId, v.UserId))], [.. accountVotes.Select(v => (v.IdeaId, v.AccountId))]);
        }
        var ballotIdeas = ballots.Select(b => b.IdeaId).ToArray();
        var ballotVoters = ballots.Select(b => b.Voter.UserId).ToArray();
        var voted = await db.Database.SqlQuery<IdeaPair>($"""
            SELECT DISTINCT v."IdeaId", v."UserId" AS "OtherId"
            FROM unnest({ballotIdeas}, {ballotVoters}) AS b(idea, voter)
            JOIN "IdeaVotes" AS v ON v."IdeaId" = b.idea AND v."UserId" = b.voter
            """).ToListAsync(ct);
        var withAccounts = ballots.Where(b => accounts.ContainsKey(b.Voter.UserId)).ToList();
        var accountIdeas = withAccounts.Select(b => b.IdeaId).ToArray();
        var ballotAccounts = withAccounts.Select(b => accounts[b.Voter.UserId].Id).ToArray();
        var counted = withAccounts.Count == 0 ? [] : await db.Database.SqlQuery<IdeaPair>($"""
            SELECT DISTINCT b.idea AS "IdeaId", b.account AS "OtherId"
            FROM unnest({accountIdeas}, {ballotAccounts}) AS b(idea, account)
            WHERE EXISTS (SELECT 1 FROM "IdeaVotes" AS v WHERE v."IdeaId" = b.idea AND v."AccountId" = b.account)
            """).ToListAsync(ct);
        return ([.. voted.Select(v => (v.IdeaId, v.OtherId))], [.. counted.Select(c => (c.IdeaId, c.OtherId))]);
    }

    /// <summary>An idea and a voter or account, as <see cref="VotesAlreadyCastAsync"/> reads them.</summary>
    private sealed record IdeaPair(Guid IdeaId, Guid OtherId);

    /// <summary>Takes the caller's vote back; without a vote there is nothing to do and the answer is the same.</summary>
    public async Task<CommandResult<VoteResponse>> UnvoteAsync(Viewer viewer, Guid id, CancellationToken ct)
    {
        using var entered = await gate.EnterAsync(id, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var idea = await LockAsync(viewer, id, ct);
        if (idea is null)
        {
            return s_notFound;
        }
        if (idea.MergedIntoId is { } originalId)
        {
            return Refusal.Conflict("The idea was merged into another.",
                $"Its votes count for the original, {originalId}; take your vote back there.");
        }
        var vote = await db.IdeaVotes.SingleOrDefaultAsync(v => v.IdeaId == id && v.UserId == viewer.UserId, ct);
        if (vote is not null)
        {
            db.IdeaVotes.Remove(vote);
            await db.SaveChangesAsync(ct);
            await RecountAsync(idea, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            totals.VotesChanged();
        }
        return new VoteResponse(id, idea.VoteCount, false);
    }

    public async Task<CommandResult<CommentResponse>> CommentAsync(Viewer viewer, Guid id, CommentRequest request, CancellationToken ct)
    {
        var idea = await FindAsync(viewer, id, ct);
        if (idea is null)
        {
            return s_notFound;
        }
        var errors = new ValidationErrors();
        errors.Required("text", request.Text, IdeaComment.TextMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (idea.MergedIntoId is { } originalId)
        {
            return Refusal.Conflict("The idea was merged into another.",
                $"The conversation goes on at the original, {originalId}; its page shows this idea's comments too.");
        }
        var comment = new IdeaComment { IdeaId = id, AuthorId = viewer.UserId, Text = request.Text!.Trim(), At = clock.GetUtcNow() };
        db.IdeaComments.Add(comment);
        await db.SaveChangesAsync(ct);
        var author = await db.Users.Where(u => u.Id == viewer.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        return new CommentResponse(comment.Id, author, comment.Text, comment.At, null, false, null);
    }

    /// <summary>Follows or stops following the idea; asking for what already is changes nothing.</summary>
    public async Task<CommandResult<FollowResponse>> FollowAsync(Viewer viewer, Guid id, bool follow, CancellationToken ct)
    {
        if (await FindAsync(viewer, id, ct) is null)
        {
            return s_notFound;
        }
        var existing = await db.IdeaFollows.SingleOrDefaultAsync(f => f.IdeaId == id && f.UserId == viewer.UserId, ct);
        if (follow && existing is null)
        {
            db.IdeaFollows.Add(new IdeaFollow { IdeaId = id, UserId = viewer.UserId, Since = clock.GetUtcNow() });
        }
        else if (!follow && existing is not null)
        {
            db.IdeaFollows.Remove(existing);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (follow)
        {
            // The same person followed twice at once: the key kept one, which is what they asked for.
        }
        return new FollowResponse(id, follow);
    }

    /// <summary>
    /// Sets the status with an official response, tells the followers, and credits the voters' accounts when the idea is
    /// delivered (and takes the credit back if it is moved back from delivered).
    /// </summary>
    public async Task<CommandResult> SetStatusAsync(Viewer viewer, Guid id, StatusRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        IdeaStatus status = default;
        if (string.IsNullOrWhiteSpace(request.Status))
        {
            errors.Add("status", "status is required.");
        }
        else if (!EnumText.TryParse(request.Status, out status))
        {
            errors.Add("status", $"status must be one of {string.Join(", ", IdeaStatuses.Settable)}.");
        }
        else if (status == IdeaStatus.Duplicate)
        {
            errors.Add("status", "An idea becomes a duplicate by being merged into the original: POST /api/v1/ideas/{id}/merge.");
        }
        errors.MaxLength("response", request.Response, Idea.ResponseMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var idea = await LockAsync(viewer, id, ct);
        if (idea is null)
        {
            return s_notFound;
        }
        if (idea.MergedIntoId is { } originalId)
        {
            return Refusal.Conflict("The idea was merged into another.", $"It is a duplicate of {originalId}; undo the merge before giving it a status of its own.");
        }
        var now = clock.GetUtcNow();
        if (status == IdeaStatus.Delivered && idea.Status != IdeaStatus.Delivered)
        {
            var askers = await db.IdeaVotes.Where(v => v.IdeaId == id && v.AccountId != null)
                .GroupBy(v => v.AccountId!.Value)
                .Select(g => new { AccountId = g.Key, Voters = g.Count() })
                .ToListAsync(ct);
            db.IdeaCredits.AddRange(askers.Select(a => new IdeaCredit { IdeaId = id, AccountId = a.AccountId, Voters = a.Voters, CreditedAt = now }));
        }
        else if (status != IdeaStatus.Delivered && idea.Status == IdeaStatus.Delivered)
        {
            db.IdeaCredits.RemoveRange(await db.IdeaCredits.Where(c => c.IdeaId == id).ToListAsync(ct));
        }
        idea.Status = status;
        idea.Response = string.IsNullOrWhiteSpace(request.Response) ? null : request.Response.Trim();
        idea.StatusChangedAt = now;
        var text = $"“{idea.Title}” is now {IdeaStatuses.Label(status).ToLowerInvariant()}." + (idea.Response is null ? "" : " " + idea.Response);
        await NotifyFollowersAsync(idea, viewer, text, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        totals.IdeasChanged();
        totals.VotesChanged();
        return CommandResult.Success;
    }

    /// <summary>
    /// Merges a duplicate into the original: every voter of the duplicate who had not voted for the original gets a vote
    /// there (marked as moved, with its original time), the duplicate keeps its own votes and comments and points to the
    /// original, and its status becomes Duplicate.
    /// </summary>
    public async Task<CommandResult> MergeAsync(Viewer viewer, Guid id, MergeRequest request, CancellationToken ct)
    {
        if (request.IntoId is not { } intoId)
        {
            return Refusal.Invalid("intoId", "intoId is required: the id of the original idea.");
        }
        if (intoId == id)
        {
            return Refusal.Invalid("intoId", "An idea cannot be merged into itself.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await LockAsync(viewer, [id, intoId], ct);
        if (locked.GetValueOrDefault(id) is not { } duplicate)
        {
            return s_notFound;
        }
        if (locked.GetValueOrDefault(intoId) is not { } original)
        {
            return new Refusal(RefusalKind.NotFound, "The idea to merge into was not found.", $"No idea has the id {intoId}.");
        }
        if (duplicate.MergedIntoId is { } mergedInto)
        {
            return Refusal.Conflict("The idea is already merged.", $"It is a duplicate of {mergedInto}; undo that merge first.");
        }
        if (original.MergedIntoId is not null)
        {
            var end = original;
            while (end.MergedIntoId is { } next && end.Id != duplicate.Id)
            {
                end = await db.Ideas.SingleAsync(i => i.Id == next, ct);
            }
            return end.Id == duplicate.Id
                ? Refusal.Conflict("The merge would make a loop.",
                    $"“{original.Title}” is already merged into “{duplicate.Title}”; merging “{duplicate.Title}” into it would make each a duplicate of the other.")
                : Refusal.Conflict("The idea to merge into is itself a duplicate.",
                    $"“{original.Title}” is merged into “{end.Title}” ({end.Id}); merge into that one.");
        }
        if (original.Board != duplicate.Board)
        {
            // A customer's votes moved onto an employees' idea would vanish from the customer's sight, and the reverse
            // would show customers an idea employees wrote for each other.
            return Refusal.Conflict("The ideas are on different boards.",
                $"“{duplicate.Title}” is on the {duplicate.Board.ToString().ToLowerInvariant()} board and “{original.Title}” on the {original.Board.ToString().ToLowerInvariant()} board; an idea is merged only into one on its own board.");
        }

        var votes = await db.IdeaVotes.AsNoTracking().Where(v => v.IdeaId == id).ToListAsync(ct);
        var originalVoters = (await db.IdeaVotes.Where(v => v.IdeaId == intoId).Select(v => v.UserId).ToListAsync(ct)).ToHashSet();
        db.IdeaVotes.AddRange(votes.Where(v => !originalVoters.Contains(v.UserId)).Select(v => new IdeaVote
        {
            IdeaId = intoId,
            UserId = v.UserId,
            At = v.At,
            AccountId = v.AccountId,
            MergedFromIdeaId = id,
        }));
        var now = clock.GetUtcNow();
        duplicate.StatusBeforeMerge = duplicate.Status;
        duplicate.Status = IdeaStatus.Duplicate;
        duplicate.MergedIntoId = intoId;
        duplicate.StatusChangedAt = now;
        await db.SaveChangesAsync(ct);
        await RecountAsync(original, ct);
        await NotifyFollowersAsync(duplicate, viewer,
            $"“{duplicate.Title}” was merged into “{original.Title}”, which now counts its votes.", now, ct, link: $"/ideas/{intoId}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        totals.IdeasChanged();
        totals.VotesChanged();
        return CommandResult.Success;
    }

    /// <summary>Undoes a merge: the votes it moved leave the original, and the duplicate is its own idea again.</summary>
    public async Task<CommandResult> UndoMergeAsync(Viewer viewer, Guid id, CancellationToken ct)
    {
        var intoId = await db.Ideas.Where(i => i.Id == id).Select(i => i.MergedIntoId).SingleOrDefaultAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await LockAsync(viewer, intoId is { } into ? [id, into] : [id], ct);
        if (locked.GetValueOrDefault(id) is not { } duplicate)
        {
            return s_notFound;
        }
        if (duplicate.MergedIntoId is null)
        {
            return Refusal.Conflict("The idea is not merged.", "There is no merge to undo.");
        }
        if (duplicate.MergedIntoId != intoId || locked.GetValueOrDefault(intoId!.Value) is not { } original)
        {
            return Refusal.Conflict("The idea changed while the merge was being undone.", "Reload it and try again.");
        }
        if (original.MergedIntoId is { } onward)
        {
            return Refusal.Conflict("The original has since been merged itself.",
                $"“{original.Title}” is merged into {onward}; undo that merge first, then this one.");
        }
        db.IdeaVotes.RemoveRange(await db.IdeaVotes.Where(v => v.IdeaId == original.Id && v.MergedFromIdeaId == id).ToListAsync(ct));
        duplicate.Status = duplicate.StatusBeforeMerge ?? IdeaStatus.New;
        duplicate.StatusBeforeMerge = null;
        duplicate.MergedIntoId = null;
        duplicate.StatusChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await RecountAsync(original, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        totals.IdeasChanged();
        totals.VotesChanged();
        return CommandResult.Success;
    }

    /// <summary>
    /// Hides an abusive idea from everyone but managers, with the reason its author is told, or shows it again. The author
    /// is not shown the idea again: the notice names the reason, not the text, and links nowhere while it is hidden.
    /// </summary>
    public async Task<CommandResult> HideAsync(Viewer viewer, Guid id, bool hide, string? reason, CancellationToken ct)
    {
        if (hide && RefuseReason(reason) is { } invalid)
        {
            return invalid;
        }
        var idea = await FindAsync(viewer, id, ct);
        if (idea is null)
        {
            return s_notFound;
        }
        if (idea.IsHidden != hide)
        {
            var now = clock.GetUtcNow();
            idea.IsHidden = hide;
            idea.HiddenById = hide ? viewer.UserId : null;
            idea.HiddenAt = hide ? now : null;
            idea.HiddenReason = hide ? reason!.Trim() : null;
            if (hide)
            {
                Notify(idea.AuthorId, viewer, $"A moderator hid your idea. Reason: {idea.HiddenReason}", null, now);
            }
            await db.SaveChangesAsync(ct);
            totals.IdeasChanged();
        }
        return CommandResult.Success;
    }

    /// <summary>
    /// Hides an abusive comment, with the reason its author is told, or shows it again: everyone but managers then reads
    /// that a moderator hid it instead of its text. A comment is named by the idea it was made on, which for a comment
    /// shown on an original may be one of its merged duplicates.
    /// </summary>
    public async Task<CommandResult> HideCommentAsync(Viewer viewer, Guid id, Guid commentId, bool hide, string? reason, CancellationToken ct)
    {
        if (hide && RefuseReason(reason) is { } invalid)
        {
            return invalid;
        }
        var idea = await FindAsync(viewer, id, ct);
        if (idea is null)
        {
            return s_notFound;
        }
        var comment = await db.IdeaComments.SingleOrDefaultAsync(c => c.Id == commentId && c.IdeaId == id, ct);
        if (comment is null)
        {
            return new Refusal(RefusalKind.NotFound, "The comment was not found.", $"The idea {id} has no comment {commentId}.");
        }
        if (comment.IsHidden != hide)
        {
            var now = clock.GetUtcNow();
            comment.IsHidden = hide;
            comment.HiddenById = hide ? viewer.UserId : null;
            comment.HiddenAt = hide ? now : null;
            comment.HiddenReason = hide ? reason!.Trim() : null;
            if (hide)
            {
                Notify(comment.AuthorId, viewer, $"A moderator hid your comment on “{idea.Title}”. Reason: {comment.HiddenReason}",
                    idea.IsHidden ? null : $"/ideas/{idea.Id}", now);
            }
            await db.SaveChangesAsync(ct);
        }
        return CommandResult.Success;
    }

    private static Refusal? RefuseReason(string? reason)
    {
        var errors = new ValidationErrors();
        errors.Required("reason", reason, IdeaComment.HiddenReasonMaxLength);
        return errors.IsEmpty ? null : Refusal.Invalid(errors);
    }

    /// <summary>
    /// Recomputes an idea's tallies from its votes: after a vote is taken back (subtracting from a log-sum would lose
    /// precision) and after a merge or its undo. Also what the demo data uses.
    /// </summary>
    public async Task RecountAsync(Idea idea, CancellationToken ct)
    {
        var votes = await db.IdeaVotes.AsNoTracking().Where(v => v.IdeaId == idea.Id).Select(v => new { v.At, v.AccountId }).ToListAsync(ct);
        var accountIds = votes.Where(v => v.AccountId is not null).Select(v => v.AccountId!.Value).Distinct().ToList();
        var accounts = (await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
                .Select(a => new { a.Id, a.AnnualRevenue, a.GrossProfit, a.Segment, a.IndustryId })
                .ToListAsync(ct))
            .ToDictionary(a => a.Id, a => new AccountValue(a.Id, (double)(a.AnnualRevenue ?? 0), (double)(a.GrossProfit ?? 0), a.Segment, a.IndustryId));
        var (overall, byFacet) = DemandFacets.Tally(votes.Select(v => v.AccountId), accounts);
        idea.HotScore = hot.Of(votes.Select(v => v.At));
        idea.Demand = overall;
        var rows = await db.IdeaDemands.Where(d => d.IdeaId == idea.Id).ToListAsync(ct);
        db.IdeaDemands.RemoveRange(rows.Where(r => !byFacet.ContainsKey(r.Facet)));
        foreach (var (facet, demand) in byFacet)
        {
            var row = rows.SingleOrDefault(r => r.Facet == facet);
            if (row is null)
            {
                db.IdeaDemands.Add(row = new IdeaDemand { IdeaId = idea.Id, Facet = facet });
            }
            row.Demand = demand;
        }
    }

    /// <summary>Why the idea takes no votes, or null when it does.</summary>
    private async Task<Refusal?> RefuseVotesAsync(Idea idea, CancellationToken ct)
    {
        if (idea.MergedIntoId is { } originalId)
        {
            var original = await db.Ideas.Where(i => i.Id == originalId).Select(i => i.Title).SingleAsync(ct);
            return Refusal.Conflict("The idea was merged into another.", $"It is a duplicate of “{original}” ({originalId}); vote there.");
        }
        return idea.Status switch
        {
            IdeaStatus.Declined => Refusal.Conflict("The idea was declined.", "Declined ideas take no votes."),
            IdeaStatus.Delivered => Refusal.Conflict("The idea was delivered.", "Delivered ideas take no votes; the customers who asked were credited."),
            _ when idea.IsHidden => Refusal.Conflict("The idea is hidden.", "A moderator hid it; it takes no votes."),
            _ => null,
        };
    }

    /// <summary>The customer account each of these users votes for; employees have none.</summary>
    private async Task<Dictionary<Guid, AccountValue>> AccountsOfAsync(Guid[] userIds, CancellationToken ct) =>
        (await db.Users.Where(u => userIds.Contains(u.Id) && u.ContactId != null)
            .Select(u => new { UserId = u.Id, u.Contact!.Account })
            .Where(u => u.Account != null)
            .Select(u => new { u.UserId, u.Account!.Id, u.Account.AnnualRevenue, u.Account.GrossProfit, u.Account.Segment, u.Account.IndustryId })
            .ToListAsync(ct))
        .ToDictionary(a => a.UserId, a => new AccountValue(a.Id, (double)(a.AnnualRevenue ?? 0), (double)(a.GrossProfit ?? 0), a.Segment, a.IndustryId));

    /// <summary>The idea as the viewer may see it (<see cref="Viewer.Sees"/>); any other is not there for them.</summary>
    private async Task<Idea?> FindAsync(Viewer viewer, Guid id, CancellationToken ct) =>
        await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct) is { } idea && viewer.Sees(idea) ? idea : null;

    /// <summary>Locks the idea's row for the rest of the transaction; see the remarks on this class.</summary>
    private async Task<Idea?> LockAsync(Viewer viewer, Guid id, CancellationToken ct) =>
        (await LockAsync(viewer, [id], ct)).GetValueOrDefault(id);

    /// <summary>Locks and reads the ideas the viewer may see; see <see cref="LockAsync(Guid[], CancellationToken)"/>.</summary>
    private async Task<Dictionary<Guid, Idea>> LockAsync(Viewer viewer, Guid[] ids, CancellationToken ct) =>
        (await LockAsync(ids, ct)).Where(i => viewer.Sees(i.Value)).ToDictionary();

    /// <summary>
    /// Locks and reads several ideas, hidden ones too, in the order of their ids, so that two commands never wait for
    /// each other. The read is the locking statement itself: on PostgreSQL it returns the latest committed rows once
    /// the locks are granted.
    /// </summary>
    private async Task<Dictionary<Guid, Idea>> LockAsync(Guid[] ids, CancellationToken ct)
    {
        var query = db.Database.IsNpgsql()
            ? db.Ideas.FromSql($"""SELECT * FROM "Ideas" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR NO KEY UPDATE""")
            : db.Ideas.Where(i => ids.Contains(i.Id));
        return await query.ToDictionaryAsync(i => i.Id, ct);
    }

    private async Task NotifyFollowersAsync(Idea idea, Viewer actor, string text, DateTimeOffset now, CancellationToken ct, string? link = null)
    {
        var followers = await db.IdeaFollows.Where(f => f.IdeaId == idea.Id && f.UserId != actor.UserId).Select(f => f.UserId).ToListAsync(ct);
        foreach (var userId in followers)
        {
            Notify(userId, actor, text, link ?? $"/ideas/{idea.Id}", now);
        }
    }

    /// <summary>Tells a user what someone else did; nobody is told of what they did themselves.</summary>
    private void Notify(Guid userId, Viewer actor, string text, string? link, DateTimeOffset now)
    {
        if (userId == actor.UserId)
        {
            return;
        }
        var shown = text.Length > Notification.TextMaxLength ? text[..(Notification.TextMaxLength - 1)] + "…" : text;
        db.Notifications.Add(new Notification { UserId = userId, At = now, Text = shown, Link = link });
    }
}
