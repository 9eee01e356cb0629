namespace Vouch.Features.Ideas;

/// <summary>A new idea. Only the title and the description are required.</summary>
/// <summary>A new idea; <c>board</c> is customer (the default) or, for employees, employee.</summary>
public sealed record PostIdeaRequest(string? Title, string? Description, string? ProductArea, string? Board = null);

public sealed record CommentRequest(string? Text);

/// <summary>A status change with the official response followers are told.</summary>
public sealed record StatusRequest(string? Status, string? Response);

public sealed record MergeRequest(Guid? IntoId);

/// <summary>Why a moderator hides an idea or a comment; its author is told.</summary>
public sealed record HideRequest(string? Reason);

/// <summary>The demand behind an idea; only employees see it.</summary>
public sealed record DemandResponse(int Voters, int Accounts, double Revenue, double GrossProfit);

public sealed record IdeaSummary(
    Guid Id,
    string Title,
    string Status,
    string? ProductArea,
    string Author,
    DateTimeOffset CreatedAt,
    int Votes,
    double Hot,
    bool Voted,
    DemandResponse? Demand);

public sealed record IdeaLink(Guid Id, string Title);

/// <summary>
/// A comment. One a moderator hid has no <see cref="Text"/> for anyone but managers, who also see why it was hidden.
/// </summary>
public sealed record CommentResponse(Guid Id, string Author, string? Text, DateTimeOffset At, IdeaLink? FromDuplicate, bool IsHidden, string? HiddenReason);

public sealed record CreditedAccount(Guid Id, string Name, int Voters);

public sealed record IdeaResponse(
    Guid Id,
    string Title,
    string Description,
    string Status,
    string Board,
    string? Response,
    DateTimeOffset? StatusChangedAt,
    string? ProductArea,
    string Author,
    DateTimeOffset CreatedAt,
    int Votes,
    double Hot,
    bool Voted,
    bool Following,
    bool IsHidden,
    string? HiddenReason,
    IdeaLink? MergedInto,
    IReadOnlyList<IdeaLink> Duplicates,
    IReadOnlyList<CommentResponse> Comments,
    DemandResponse? Demand,
    IReadOnlyList<CreditedAccount>? CreditedAccounts);

/// <summary>
/// An idea like a typed text. <c>Score</c> (0 to 1) ranks by words and meaning together; <c>Meaning</c> is the cosine
/// similarity of the two texts' embeddings, null without the sentence model; only words make a <c>PossibleDuplicate</c>.
/// </summary>
public sealed record SimilarIdea(Guid Id, string Title, string Status, int Votes, double Score, bool PossibleDuplicate, double? Meaning = null);

/// <summary>
/// Ideas of one board that are likely duplicates of each other, most voted first: the first is the one to merge the
/// others into, and <c>Votes</c> is what it would then count, before voters of two of them are counted once.
/// </summary>
public sealed record DuplicateCluster(IReadOnlyList<ClusteredIdea> Ideas, int Votes);

public sealed record ClusteredIdea(Guid Id, string Title, string Status, int Votes);

public sealed record VoteResponse(Guid IdeaId, int Votes, bool Voted);

public sealed record FollowResponse(Guid IdeaId, bool Following);

/// <summary>The filters and sort of <c>GET /api/v1/ideas</c>.</summary>
public sealed record IdeaFilter
{
    /// <summary>
    /// hot (the default: votes that halve in weight every few days), top, new, value, or match: how well an idea matches
    /// q by its words and meaning (the default with q).
    /// </summary>
    public string? Sort { get; init; }

    /// <summary>For sort=value: revenue (the default) or grossProfit of the voters' accounts.</summary>
    public string? By { get; init; }

    /// <summary>New, UnderReview, Planned, InProgress, Delivered, Declined or Duplicate.</summary>
    public string? Status { get; init; }

    /// <summary>Product name or key.</summary>
    public string? ProductArea { get; init; }

    /// <summary>Only ideas voted for from accounts of this segment; their votes and value are what the sort counts.</summary>
    public string? Segment { get; init; }

    /// <summary>Only ideas voted for from accounts of this industry (name or key); their votes and value are what the sort counts.</summary>
    public string? Industry { get; init; }

    /// <summary>customer (the default) or, for employees, employee: the board only employees see.</summary>
    public string? Board { get; init; }
}
