namespace Vouch.Features.Executives;

/// <summary>The executive conversation program's settings (section <c>Executives</c>).</summary>
public sealed class ExecutiveOptions
{
    /// <summary>Conversations a year each executive aims for, unless an admin sets their own: 30 to 50 half-hour ones are enough.</summary>
    public int YearlyConversationTarget { get; set; } = 30;

    /// <summary>What a conversation with an executive is worth to the customer in the give/ask balance, in hours of their time.</summary>
    public decimal ConversationCreditHours { get; set; } = 0.5m;
}
