namespace Vouch.Features.Defences;

/// <summary>A defence as scripts log it: where, the link, the day, the topic, the severity and what was said.</summary>
public sealed record DefenceInput(string? Where, string? Url, DateOnly? OccurredOn, string? Topic, string? Severity, string? Summary);

/// <summary>A customer who answered; <c>answeredOn</c> defaults to today, <c>answerUrl</c> is optional.</summary>
public sealed record DefenderInput(Guid? ContactId, DateOnly? AnsweredOn, string? AnswerUrl);

public sealed record DefenderResponse(Guid Id, Guid ContactId, string Contact, string Account, DateOnly AnsweredOn, string? AnswerUrl, Guid? EngagementId);

public sealed record DefenceSummary(Guid Id, string Where, string? Url, DateOnly OccurredOn, string Topic, string Severity, int Defenders);

public sealed record DefenceDetails(
    Guid Id,
    string Where,
    string? Url,
    DateOnly OccurredOn,
    string Topic,
    string Severity,
    string? Summary,
    string LoggedBy,
    DateTimeOffset LoggedAt,
    IReadOnlyList<DefenderResponse> Defenders);

/// <summary>One defence a contact answered, for the history behind their "Defender" mark.</summary>
public sealed record DefendedResponse(Guid DefenceId, string Where, string Topic, string Severity, DateOnly AnsweredOn, string? AnswerUrl);
