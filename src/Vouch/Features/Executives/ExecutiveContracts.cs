namespace Vouch.Features.Executives;

/// <summary>
/// A conversation to log. The smallest is a contact, the day it was held (not in the future) and the channel
/// (FaceToFace, Phone or Video). It is logged as the signed-in executive's own: an executiveId, if sent, must be theirs.
/// </summary>
public sealed record ConversationInput(
    Guid? ContactId, DateOnly? HeldOn, string? Channel, int? Minutes = null, string? ProductUse = null, string? Value = null,
    string? Sentiment = null, string? Feeling = null, string? Learned = null, string? FollowUps = null, Guid? ExecutiveId = null);

public sealed record ConversationResponse(
    Guid Id, Guid ExecutiveId, string Executive, Guid ContactId, string Contact, Guid AccountId, string Account, DateOnly HeldOn,
    string Channel, int? Minutes, string? ProductUse, string? Value, string? Sentiment, string? Feeling, string? Learned,
    string? FollowUps, bool FollowUpsDone, DateTimeOffset RecordedAt);

/// <summary>The filters of <c>GET /api/v1/executive-conversations</c>.</summary>
public sealed record ConversationFilter
{
    public Guid? ExecutiveId { get; init; }
    public Guid? AccountId { get; init; }
    public Guid? ContactId { get; init; }
}

/// <summary>An executive's conversations this year against their target, and whether they are behind the pro-rata line.</summary>
public sealed record ExecutiveProgressResponse(
    Guid ExecutiveId, string Executive, int Year, int Target, int Held, int OnTrackLine, bool Behind, string Words);

/// <summary>A theme that repeats across the year's conversations, with the conversations behind it.</summary>
public sealed record ThemeResponse(string Phrase, int Count, IReadOnlyList<Guid> ConversationIds);

/// <summary>An executive's own page: progress, latest conversations and the follow-ups still open.</summary>
public sealed record MyConversations(
    ExecutiveProgressResponse Progress, IReadOnlyList<ConversationResponse> Recent, IReadOnlyList<ConversationResponse> OpenFollowUps);

/// <summary>An admin's override of an executive's yearly target; null goes back to the program's default.</summary>
public sealed record TargetInput(int? ConversationsPerYear);

/// <summary>Pairing an account with its sponsor: an executive (a user in role Executive or Admin), since a day (today if left out).</summary>
public sealed record SponsorInput(Guid? ExecutiveId, DateOnly? Since = null);

public sealed record SponsorResponse(Guid AccountId, string Account, Guid ExecutiveId, string Executive, DateOnly Since);

/// <summary>An account's executive side, for its page: its sponsor and its last executive conversation.</summary>
public sealed record AccountExecutives(SponsorResponse? Sponsor, ConversationResponse? LastConversation);
