namespace Vouch.Features.Requests;

/// <summary>Whose turn it is on a request, and which steps an actor may take now: the same answer for API and pages.</summary>
public static class WaitingOn
{
    public const string Assign = "assign";
    public const string Approve = "owner-consent";
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string Schedule = "schedule";
    public const string Reschedule = "reschedule";
    public const string Complete = "complete";
    public const string Feedback = "feedback";
    public const string Cancel = "cancel";

    /// <summary>Who the current step waits on, as a phrase: "the account owner's consent".</summary>
    public static string Describe(ReferenceRequest request) => request.Status switch
    {
        RequestStatus.Submitted => "an advocate to be proposed",
        RequestStatus.CandidateProposed => "the account owner's consent",
        RequestStatus.OwnerApproved => "the advocate's answer",
        RequestStatus.Accepted => "scheduling",
        RequestStatus.Scheduled => "the activity to take place",
        RequestStatus.Completed => "feedback",
        _ => "nothing",
    };

    public static string StatusWords(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => "submitted",
        RequestStatus.CandidateProposed => "waiting for the account owner's consent",
        RequestStatus.OwnerApproved => "waiting for the advocate",
        RequestStatus.Accepted => "accepted, not yet scheduled",
        RequestStatus.Scheduled => "scheduled",
        RequestStatus.Completed => "completed, waiting for feedback",
        RequestStatus.FeedbackRecorded => "closed with feedback",
        RequestStatus.Declined => "declined",
        RequestStatus.Cancelled => "cancelled",
        _ => "expired",
    };

    /// <summary>The steps <paramref name="actor"/> may take on the request now.</summary>
    public static IReadOnlyList<string> Actions(ReferenceRequest request, RequestActor actor)
    {
        var requester = actor.IsManager || request.RequesterId == actor.UserId;
        var selfService = request.ActivityType?.Fulfilment == ActivityTypes.Fulfilment.SelfService;
        var actions = new List<string>();
        switch (request.Status)
        {
            case RequestStatus.Submitted when actor.IsManager || (selfService && request.RequesterId == actor.UserId):
                actions.Add(Assign);
                break;
            case RequestStatus.CandidateProposed when actor.IsManager || request.AccountOwnerId == actor.UserId:
                actions.Add(Approve);
                break;
            case RequestStatus.OwnerApproved when actor.IsManager || actor.IsAsked(request):
                actions.AddRange([Accept, Decline]);
                break;
            case RequestStatus.Accepted when requester:
                actions.Add(Schedule);
                break;
            case RequestStatus.Scheduled when requester:
                actions.AddRange([Reschedule, Complete]);
                break;
            case RequestStatus.Completed when requester:
                actions.Add(Feedback);
                break;
        }
        if (requester && request.IsOpen && request.Status != RequestStatus.Completed)
        {
            actions.Add(Cancel);
        }
        return actions;
    }
}
