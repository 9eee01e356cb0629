using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Ideas.Ranking;
using Vouch.Features.Ideas.Similarity;
using Vouch.Features.Meaning;
using Vouch.Web;

namespace Vouch.Features.Ideas;

/// <summary>The board's orders; <c>Match</c>, how well an idea matches the search's words and meaning, needs a search.</summary>
public enum IdeaSort { Hot, Top, New, Value, Match }

/// <summary>The board's sort and filters, checked and resolved to ids.</summary>
public sealed record BoardQuery(IdeaSort Sort, ValueMeasure By, IdeaStatus? Status, Guid? ProductId, Segment? Segment, Guid? IndustryId, IdeaBoard Board = IdeaBoard.Customer);

/// <summary>What the idea exchange shows: the board, one idea, and the ideas like a typed title.</summary>
public sealed class IdeaQueries(VouchDbContext db, HotScore hot, IdeaBoardTotals totals, TextEmbedder embedder, VectorIndexes vectors, TimeProvider clock)
{
    /// <summary>Similar ideas below this score are not worth showing; from <see cref="IdeaSimilarity.DuplicateThreshold"/> up they are likely duplicates.</summary>
    public const double SimilarFloor = IdeaSimilarity.DuplicateThreshold / 2;

    public const int MaxSimilar = 8;
    /// <summary>How much of a typed text similar ideas read; the rest of a longer one is left out, not refused.</summary>
    public const int SimilarTextMaxLength = 1_000;

    /// <summary>The part of a typed text similar ideas read.</summary>
    public static string Readable(string text) => text.Length <= SimilarTextMaxLength ? text : text[..SimilarTextMaxLength];

    /// <summary>How many ideas sharing the most terms with the typed text are scored.</summary>
    private const int SimilarCandidates = 100;

    /// <summary>How many ideas nearest the typed text by meaning are scored as well.</summary>
    private const int NearestCandidates = 50;

    /// <summary>How many ideas nearest a board search's text by meaning are found with it.</summary>
    private const int NearestFound = 50;

    /// <summary>
    /// How many of a board search's matches the best-match order ranks: the hottest with the words in the title, and
    /// all of those near in meaning. A search that finds more says too little to rank them all.
    /// </summary>
    public const int MatchesRanked = 200;

    /// <summary>How many of a board's most voted open ideas are grouped into likely duplicates, and with how many neighbours each.</summary>
    public const int ClusteredIdeas = 2_000;
    private const int NeighboursCompared = 10;

    /// <summary>
    /// How many ideas of one search term are read, newest first. A term in more ideas than this (a word nearly every idea
    /// has) says little about which ideas are alike, and reading all of them would cost more than scoring the candidates.
    /// </summary>
    private const int PostingsPerTerm = 1_000;

    /// <summary>Resolves the board's sort and filters, naming each one that is wrong.</summary>
    /// <remarks>With a search (<paramref name="q"/>) the board is in best-match order unless a sort is asked for.</remarks>
    public async Task<(BoardQuery? Query, ValidationErrors Errors)> ResolveAsync(Viewer viewer, IdeaFilter filter, string? q, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var board = viewer.BoardOf(filter.Board, errors);
        var searching = !string.IsNullOrWhiteSpace(q);
        var sort = searching ? IdeaSort.Match : IdeaSort.Hot;
        if (!string.IsNullOrWhiteSpace(filter.Sort) && !EnumText.TryParse(filter.Sort, out sort))
        {
            errors.Add("sort", "sort must be one of hot, top, new, value, match.");
        }
        else if (sort == IdeaSort.Match && !searching)
        {
            errors.Add("sort", "sort=match orders a search: give q, the words to match.");
        }
        var by = ValueMeasure.Revenue;
        if (!string.IsNullOrWhiteSpace(filter.By) && !EnumText.TryParse(filter.By, out by))
        {
            errors.Add("by", "by must be revenue or grossProfit.");
        }
        var status = EnumText.Optional<IdeaStatus>(filter.Status, "status", errors);
        var segment = EnumText.Optional<Segment>(filter.Segment, "segment", errors);
        Guid? productId = null;
        if (!string.IsNullOrWhiteSpace(filter.ProductArea))
        {
            var key = Keys.FromName(filter.ProductArea);
            productId = await db.Products.Where(p => p.Key == key).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
            if (productId is null)
            {
                errors.Add("productArea", $"'{filter.ProductArea}' is not a known product area.");
            }
        }
        Guid? industryId = null;
        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var key = Keys.FromName(filter.Industry);
            industryId = await db.Industries.Where(i => i.Key == key).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct);
            if (industryId is null)
            {
                errors.Add("industry", $"'{filter.Industry}' is not a known industry.");
            }
        }
        return (errors.IsEmpty ? new BoardQuery(sort, by, status, productId, segment, industryId, board) : null, errors);
    }

    /// <summary>
    /// A page of the board. Without a segment or industry every sort reads one of the idea's own indexed columns; with
    /// one, the idea's demand among that facet's voters (<see cref="IdeaDemand"/>) is what "top" and "value" sort by and
    /// only ideas with such voters are listed. A search (<c>q</c>) finds the ideas with its words in the title and those
    /// nearest it in meaning; best match ranks them by both (<see cref="MeaningBlend"/>). Hidden ideas and merged
    /// duplicates are left out (ask for status=Duplicate to see those).
    /// </summary>
    public async Task<Paged<IdeaSummary>> SearchAsync(Viewer viewer, PageQuery page, BoardQuery query, CancellationToken ct)
    {
        var ideas = db.Ideas.AsNoTracking().Where(i => !i.IsHidden && i.Board == query.Board);
        ideas = query.Status is { } status ? ideas.Where(i => i.Status == status) : ideas.Where(i => i.MergedIntoId == null);
        var text = string.IsNullOrWhiteSpace(page.Q) ? null : Readable(page.Q.Trim());
        var search = text is null ? null : Embed(text, ct);
        var near = search is null ? [] : vectors[EmbeddedKind.Idea].Nearest(search, NearestFound)
            .Where(n => n.Cosine >= MeaningBlend.MeaningFloor).ToDictionary(n => n.Record, n => n.Cosine);
        var nearIds = near.Keys.ToList();
        if (text is not null)
        {
            var lower = text.ToLowerInvariant();
            ideas = ideas.Where(i => i.Title.ToLower().Contains(lower) || nearIds.Contains(i.Id));
        }
        if (query.ProductId is { } productId)
        {
            ideas = ideas.Where(i => i.ProductId == productId);
        }
        var facet = DemandFacets.For(query.Segment, query.IndustryId);
        var rows = facet is null
            ? ideas.Select(i => new { Idea = i, Voters = i.VoteCount, Accounts = i.VoterAccounts, Revenue = i.ValueRevenue, GrossProfit = i.ValueGrossProfit })
            : ideas.Join(db.IdeaDemands.Where(d => d.Facet == facet && d.Voters > 0), i => i.Id, d => d.IdeaId,
                (i, d) => new { Idea = i, d.Voters, d.Accounts, d.Revenue, d.GrossProfit });
        var byHot = rows.OrderByDescending(r => r.Idea.HotScore).ThenByDescending(r => r.Idea.Id);
        var sorted = (query.Sort, query.By) switch
        {
            (IdeaSort.Top, _) => rows.OrderByDescending(r => r.Voters).ThenByDescending(r => r.Idea.Id),
            (IdeaSort.New, _) => rows.OrderByDescending(r => r.Idea.CreatedAt).ThenByDescending(r => r.Idea.Id),
            (IdeaSort.Value, ValueMeasure.GrossProfit) => rows.OrderByDescending(r => r.GrossProfit).ThenByDescending(r => r.Voters).ThenByDescending(r => r.Idea.Id),
            (IdeaSort.Value, _) => rows.OrderByDescending(r => r.Revenue).ThenByDescending(r => r.Voters).ThenByDescending(r => r.Idea.Id),
            _ => byHot,
        };
        int total;
        var shown = sorted.Skip(page.Skip).Take(page.Size);
        List<Guid>? bestFirst = null;
        if (query.Sort != IdeaSort.Match || text is null)
        {
            // The ideas near in meaning are part of what is counted: their set changes as embeddings arrive.
            var nearSet = nearIds.Aggregate(0, (hash, id) => hash ^ id.GetHashCode());
            var key = $"{query.Board}|{query.Status}|{query.ProductId}|{facet}|{text?.ToLowerInvariant()}|{nearIds.Count}:{nearSet}";
            total = await totals.CountAsync(key, dependsOnVotes: facet is not null, () => rows.CountAsync(ct), ct);
        }
        else
        {
            // The hottest with the words and every one near in meaning, ranked here; the page is cut from them.
            var found = (await byHot.Take(MatchesRanked).Select(r => new { r.Idea.Id, r.Idea.Title, r.Idea.Description }).ToListAsync(ct))
                .UnionBy(await rows.Where(r => nearIds.Contains(r.Idea.Id)).Select(r => new { r.Idea.Id, r.Idea.Title, r.Idea.Description }).ToListAsync(ct), f => f.Id);
            var typed = IdeaSimilarity.Prepare(new IdeaText(text, null));
            var index = vectors[EmbeddedKind.Idea];
            bestFirst = [.. found
                .Select(f => (f.Id, Score: MeaningBlend.Score(
                    IdeaSimilarity.Score(typed, IdeaSimilarity.Prepare(new IdeaText(f.Title, f.Description))),
                    search is null ? null : near.TryGetValue(f.Id, out var cosine) ? cosine : index.Cosine(f.Id, search))))
                .OrderByDescending(f => f.Score).ThenBy(f => f.Id)
                .Select(f => f.Id)];
            total = bestFirst.Count;
            var pageIds = bestFirst.Skip(page.Skip).Take(page.Size).ToList();
            shown = rows.Where(r => pageIds.Contains(r.Idea.Id)).OrderBy(r => r.Idea.Id);
        }
        var items = await shown
            .Select(r => new
            {
                r.Idea.Id, r.Idea.Title, r.Idea.Status, ProductArea = r.Idea.Product!.Name, Author = r.Idea.Author!.DisplayName,
                r.Idea.CreatedAt, r.Idea.VoteCount, r.Idea.HotScore,
                Voted = db.IdeaVotes.Any(v => v.IdeaId == r.Idea.Id && v.UserId == viewer.UserId),
                r.Voters, r.Accounts, r.Revenue, r.GrossProfit,
            })
            .ToListAsync(ct);
        if (bestFirst is not null)
        {
            var place = bestFirst.Index().ToDictionary(p => p.Item, p => p.Index);
            items = [.. items.OrderBy(i => place[i.Id])];
        }
        var now = clock.GetUtcNow();
        return new Paged<IdeaSummary>(
            [.. items.Select(i => new IdeaSummary(
                i.Id, i.Title, i.Status.ToString(), i.ProductArea, i.Author, i.CreatedAt, i.VoteCount, Round(hot.WeightAt(i.HotScore, now)), i.Voted,
                viewer.IsEmployee ? new DemandResponse(i.Voters, i.Accounts, i.Revenue, i.GrossProfit) : null))],
            total, page.PageNumber, page.Size);
    }

    /// <summary>The idea a command of the viewer's has just posted or changed, which is there for them since they did.</summary>
    public async Task<IdeaResponse> GetAsync(Viewer viewer, Guid id, CancellationToken ct) =>
        await FindAsync(viewer, id, ct) ?? throw new InvalidOperationException($"The idea {id} is not there for the one who just changed it.");

    /// <summary>
    /// One idea as the viewer may see it (a hidden idea only by managers, an employees' idea only by employees), with
    /// the comments of its duplicates.
    /// </summary>
    public async Task<IdeaResponse?> FindAsync(Viewer viewer, Guid id, CancellationToken ct)
    {
        var idea = await db.Ideas.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                Idea = i,
                ProductArea = i.Product!.Name,
                Author = i.Author!.DisplayName,
                MergedInto = i.MergedInto == null ? null : new IdeaLink(i.MergedInto.Id, i.MergedInto.Title),
            })
            .SingleOrDefaultAsync(ct);
        if (idea is null || !viewer.Sees(idea.Idea))
        {
            return null;
        }
        var i = idea.Idea;
        var voted = await db.IdeaVotes.AnyAsync(v => v.IdeaId == id && v.UserId == viewer.UserId, ct);
        var following = await db.IdeaFollows.AnyAsync(f => f.IdeaId == id && f.UserId == viewer.UserId, ct);

        // The duplicates merged into this idea, and theirs in turn: their comments are part of this idea's conversation.
        var merged = new Dictionary<Guid, IdeaLink>();
        for (var level = new List<Guid> { id }; level.Count > 0;)
        {
            var next = await db.Ideas.AsNoTracking().Where(d => d.MergedIntoId != null && level.Contains(d.MergedIntoId.Value))
                .Select(d => new IdeaLink(d.Id, d.Title)).ToListAsync(ct);
            level = [.. next.Where(d => d.Id != id && merged.TryAdd(d.Id, d)).Select(d => d.Id)];
        }
        var duplicates = await db.Ideas.AsNoTracking().Where(d => d.MergedIntoId == id).OrderBy(d => d.Title)
            .Select(d => new IdeaLink(d.Id, d.Title)).ToListAsync(ct);
        var conversation = merged.Keys.Append(id).ToList();
        var comments = await db.IdeaComments.AsNoTracking().Where(c => conversation.Contains(c.IdeaId))
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new { c.Id, Author = c.Author!.DisplayName, c.Text, c.At, c.IdeaId, c.IsHidden, c.HiddenReason })
            .ToListAsync(ct);

        IReadOnlyList<CreditedAccount>? credited = null;
        if (viewer.IsEmployee && i.Status == IdeaStatus.Delivered)
        {
            credited = await db.IdeaCredits.AsNoTracking().Where(c => c.IdeaId == id)
                .OrderByDescending(c => c.Voters).ThenBy(c => c.Account!.Name)
                .Select(c => new CreditedAccount(c.AccountId, c.Account!.Name, c.Voters))
                .ToListAsync(ct);
        }
        return new IdeaResponse(
            i.Id, i.Title, i.Description, i.Status.ToString(), i.Board.ToString(), i.Response, i.StatusChangedAt, idea.ProductArea, idea.Author, i.CreatedAt,
            i.VoteCount, Round(hot.WeightAt(i.HotScore, clock.GetUtcNow())), voted, following, i.IsHidden, i.HiddenReason, idea.MergedInto,
            duplicates,
            [.. comments.Select(c => new CommentResponse(
                c.Id, c.Author, c.IsHidden && !viewer.IsManager ? null : c.Text, c.At, c.IdeaId == id ? null : merged[c.IdeaId],
                c.IsHidden, viewer.IsManager ? c.HiddenReason : null))],
            viewer.IsEmployee ? new DemandResponse(i.VoteCount, i.VoterAccounts, i.ValueRevenue, i.ValueGrossProfit) : null,
            credited);
    }

    /// <summary>
    /// The ideas most like <paramref name="text"/>, best first. Candidates are the ideas that share the most search terms
    /// with it (an index read) and those nearest to it by meaning (the in-memory vector index); only they are scored,
    /// by words and meaning together (<see cref="MeaningBlend"/>). Without the sentence model they are the first
    /// alone, scored by words. Only ideas of <paramref name="board"/> are offered, never hidden ideas or merged
    /// duplicates.
    /// </summary>
    public async Task<IReadOnlyList<SimilarIdea>> SimilarAsync(string text, Guid? except, IdeaBoard board, CancellationToken ct)
    {
        var terms = IdeaSimilarity.SearchTerms(text).Where(t => t.Length <= IdeaTerm.MaxLength).Distinct().Take(32).ToList();
        var query = Embed(text, ct);
        if (terms.Count == 0 && query is null)
        {
            return [];
        }
        var postings = new List<Guid>();
        foreach (var term in terms)
        {
            postings.AddRange(await db.IdeaTerms.Where(t => t.Term == term)
                .OrderByDescending(t => t.IdeaId).Select(t => t.IdeaId).Take(PostingsPerTerm).ToListAsync(ct));
        }
        var index = vectors[EmbeddedKind.Idea];
        var nearest = query is null ? [] : index.Nearest(query, NearestCandidates).ToDictionary(n => n.Record, n => n.Cosine);
        var candidates = postings.CountBy(id => id)
            .OrderByDescending(c => c.Value).ThenByDescending(c => c.Key)
            .Take(SimilarCandidates)
            .Select(c => c.Key)
            .Union(nearest.Keys)
            .ToList();
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => candidates.Contains(i.Id) && !i.IsHidden && i.Board == board && i.MergedIntoId == null && i.Id != except)
            .Select(i => new { i.Id, i.Title, i.Description, i.Status, i.VoteCount })
            .ToListAsync(ct);
        // The typed text is analysed once, not once per candidate.
        var typed = IdeaSimilarity.Prepare(new IdeaText(text, null));
        return [.. ideas
            .Select(i =>
            {
                var words = IdeaSimilarity.Score(typed, IdeaSimilarity.Prepare(new IdeaText(i.Title, i.Description)));
                var meaning = query is null ? null : nearest.TryGetValue(i.Id, out var cosine) ? cosine : index.Cosine(i.Id, query);
                return (Idea: i, Words: words, Meaning: meaning);
            })
            .Where(s => MeaningBlend.Related(s.Words, s.Meaning, SimilarFloor))
            .Select(s => new SimilarIdea(
                s.Idea.Id, s.Idea.Title, s.Idea.Status.ToString(), s.Idea.VoteCount, Round(MeaningBlend.Score(s.Words, s.Meaning)),
                s.Words >= IdeaSimilarity.DuplicateThreshold, s.Meaning is { } m ? Round(m) : null))
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Votes).ThenBy(s => s.Id)
            .Take(MaxSimilar)];
    }

    /// <summary>
    /// Groups of likely duplicates among the open ideas of <paramref name="board"/>, the groups joining the most votes
    /// first. Only the <see cref="ClusteredIdeas"/> most voted are read; each is compared with its nearest among them by
    /// meaning (the vector index), and two are duplicates when their words say so, as "possible duplicate" does while typing.
    /// Without the sentence model there are no groups.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateCluster>> DuplicateClustersAsync(IdeaBoard board, CancellationToken ct)
    {
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => !i.IsHidden && i.Board == board && i.MergedIntoId == null)
            .OrderByDescending(i => i.VoteCount).ThenBy(i => i.Id).Take(ClusteredIdeas)
            .Select(i => new { i.Id, i.Title, i.Description, i.Status, i.VoteCount })
            .ToListAsync(ct);
        var byId = ideas.ToDictionary(i => i.Id);
        var prints = ideas.ToDictionary(i => i.Id, i => IdeaSimilarity.Prepare(new IdeaText(i.Title, i.Description)));
        var duplicates = new List<(Guid, Guid)>();
        foreach (var (id, nearest) in vectors[EmbeddedKind.Idea].NearestAmong(byId.Keys, NeighboursCompared))
        {
            foreach (var (other, _) in nearest)
            {
                if (Math.Max(IdeaSimilarity.Score(prints[id], prints[other]), IdeaSimilarity.Score(prints[other], prints[id])) >= IdeaSimilarity.DuplicateThreshold)
                {
                    duplicates.Add((id, other));
                }
            }
        }
        return [.. DuplicateClusters.Of([.. ideas.Select(i => i.Id)], duplicates)
            .Select(group => new DuplicateCluster(
                [.. group.Select(id => byId[id]).Select(i => new ClusteredIdea(i.Id, i.Title, i.Status.ToString(), i.VoteCount))],
                group.Sum(id => byId[id].VoteCount)))
            .OrderByDescending(c => c.Votes).ThenBy(c => c.Ideas[0].Id)];
    }

    /// <summary>The text's embedding; null without the model, or for punctuation or emoji alone, which say nothing it could match.</summary>
    private float[]? Embed(string text, CancellationToken ct) => text.Any(char.IsLetterOrDigit) ? embedder.Embed(text, ct) : null;

    private static double Round(double value) => Math.Round(value, 4);
}
