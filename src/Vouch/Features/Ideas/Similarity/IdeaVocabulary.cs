namespace Vouch.Features.Ideas.Similarity;

/// <summary>
/// The words product ideas are written in. People ask for the same thing in different words
/// ("night theme", "dark mode"), so each group below names one request; the first entry is its
/// canonical term. Entries are written as people type them: they are stemmed with the same
/// stemmer as the text, so "exporting" and "exports" find "export". Groups are general product
/// vocabulary, not tuned to any one pair of ideas.
/// </summary>
internal static class IdeaVocabulary
{
    public static readonly string[][] SynonymGroups =
    [
        // Moving data in and out
        ["export", "download", "extract", "dump"],
        ["import", "upload", "ingest"],
        ["csv", "spreadsheet", "excel", "xlsx", "xls", "google sheets", "comma separated"],
        ["sync", "synchronize", "synchronise", "synchronization", "synchronisation", "two way sync"],
        ["backup", "back up", "snapshot"],
        ["api", "rest api", "public api", "endpoint"],
        ["webhook", "web hook", "callback"],
        ["integration", "integrate", "connector", "plugin", "plug in", "addon", "add on"],
        ["embed", "embeddable", "iframe", "embed code"],
        ["link", "url", "hyperlink"],

        // Signing in and security
        ["login", "log in", "sign in", "signin", "logon", "log on"],
        ["logout", "log out", "sign out", "signout"],
        ["signup", "sign up", "register", "registration"],
        ["sso", "single sign on", "single signon", "single sign in", "saml"],
        ["mfa", "2fa", "two factor authentication", "multi factor authentication", "2fa authentication", "two factor", "multi factor", "2 factor", "second factor", "two step", "2 step", "totp", "otp", "authenticator app"],
        ["password", "passcode", "passphrase"],
        ["sessiontimeout", "session timeout", "auto logout", "automatic logout", "idle timeout", "inactivity timeout"],
        ["ipallowlist", "ip allowlist", "ip allow list", "ip whitelist", "ip restriction", "allowlist", "whitelist"],
        ["encrypt", "encryption", "encrypted"],
        ["privacy", "gdpr", "ccpa", "data protection"],
        ["permission", "access control", "access rights", "access level", "privilege", "rbac", "user rights"],
        ["readonly", "read only", "view only"],
        ["admin", "administrator", "superuser", "super user"],
        ["auditlog", "audit log", "audit trail", "activity log", "activity history"],
        ["versionhistory", "version history", "revision history", "versioning", "previous versions", "older versions"],

        // Look and feel
        ["darkmode", "dark mode", "dark theme", "night mode", "night theme", "dark ui", "dark skin", "black theme"],
        ["theme", "skin"],
        ["color", "colour"],
        ["brand", "branding", "white label", "whitelabel", "white labeling", "logo"],
        ["font", "typeface"],
        ["accessibility", "a11y", "screen reader", "wcag", "high contrast"],
        ["shortcut", "keyboard shortcut", "hotkey", "hot key", "keybinding", "key binding"],
        ["dragdrop", "drag and drop", "drag n drop", "drag drop", "draggable"],
        ["fullscreen", "full screen"],
        ["sidebar", "side bar", "side panel"],
        ["popup", "pop up", "modal", "dialog"],
        ["tooltip", "tool tip", "hover text"],
        ["autocomplete", "auto complete", "autofill", "auto fill", "typeahead", "type ahead"],
        ["spellcheck", "spell check", "spelling check"],
        ["richtext", "rich text", "wysiwyg", "markdown"],
        ["dropdown", "drop down", "picklist", "pick list", "select list", "select box"],
        ["table", "grid"],
        ["widget", "tile"],
        ["avatar", "profile picture", "profile photo", "profile image"],
        ["image", "picture", "photo", "pic"],
        ["performance", "speed", "slow", "slowness", "fast", "faster", "lag", "laggy", "sluggish", "load time", "loading time", "latency", "speed up"],
        ["offline", "without internet", "no internet", "no connection", "without connection", "without connectivity"],
        ["mobile", "mobile app", "phone", "smartphone", "ios", "android", "iphone", "ipad", "tablet"],
        ["language", "translation", "translate", "localization", "localisation", "localize", "localise", "i18n", "multilingual", "multi language", "locale"],
        ["timezone", "time zone"],
        ["currency", "multi currency", "multiple currencies", "exchange rate"],

        // Finding and organising
        ["search", "find", "lookup", "look up", "look for"],
        ["filter", "facet"],
        ["sort", "sort by", "order by", "reorder", "rearrange"],
        ["savedview", "saved view", "saved filter", "saved search", "custom view"],
        ["tag", "label", "hashtag"],
        ["folder", "subfolder"],
        ["favorite", "favourite", "bookmark", "star", "starred"],
        ["bulk", "batch", "mass", "in bulk", "multiple at once", "many at once", "all at once", "several at once"],
        ["duplicate", "clone", "copy", "dupe"],
        ["merge", "combine", "consolidate", "dedupe", "deduplicate"],
        ["delete", "remove", "erase", "purge", "get rid of", "discard", "trash"],
        ["undo", "revert", "rollback", "roll back"],
        ["restore", "recover", "undelete", "recycle bin"],
        ["hide", "conceal"],
        ["field", "attribute", "custom property"],
        ["template", "preset", "boilerplate", "blueprint"],

        // Telling people
        ["notification", "notify", "alert", "ping"],
        ["email", "e mail", "mail"],
        ["sms", "text message", "texting"],
        ["chat", "live chat", "messaging", "instant message"],
        ["comment", "note", "remark", "annotation", "annotate"],
        ["mention", "at mention"],
        ["emoji", "reaction", "emoticon"],
        ["reply", "respond"],
        ["thread", "conversation"],
        ["reminder", "remind", "follow up", "followup", "nudge"],
        ["summary", "summarize", "summarise", "digest", "recap"],
        ["disable", "turn off", "switch off", "deactivate", "mute", "opt out", "silence", "unsubscribe"],
        ["enable", "turn on", "switch on", "activate"],
        ["share", "shareable link", "public link", "share link"],
        ["print", "printable", "printer friendly", "print friendly"],
        ["invite", "invitation"],

        // Reports and numbers
        ["dashboard", "home screen", "homepage", "home page"],
        ["chart", "graph", "visualization", "visualisation", "plot", "diagram"],
        ["kpi", "metric"],
        ["forecast", "projection", "predict", "prediction"],
        ["goal", "target", "objective", "okr"],
        ["recurring", "recurrent", "repeating", "repeat", "periodic", "periodically"],
        ["ai", "artificial intelligence", "machine learning", "ml", "gpt", "llm", "chatgpt"],

        // People and work
        ["user", "member", "teammate", "team member", "colleague", "coworker", "end user"],
        ["customer", "client"],
        ["guest", "external user", "outside collaborator"],
        ["seat", "license", "licence"],
        ["workflow", "work flow", "automation", "automate"],
        ["approval", "approve", "sign off", "signoff"],
        ["task", "todo", "to do", "action item"],
        ["subtask", "sub task", "child task", "nested task"],
        ["dependency", "blocked by", "depends on"],
        ["deadline", "due date"],
        ["priority", "prioritize", "prioritise", "urgency"],
        ["sprint", "iteration"],
        ["roadmap", "road map"],
        ["releasenotes", "release notes", "changelog", "change log", "whats new"],
        ["onboarding", "getting started", "walkthrough", "tutorial", "product tour", "guided tour"],
        ["knowledgebase", "knowledge base", "help center", "help centre", "faq"],
        ["chatbot", "chat bot", "bot", "virtual assistant"],
        ["sandbox", "test environment", "testing environment", "staging", "test instance"],
        ["timetracking", "time tracking", "timesheet", "time sheet", "track time", "log hours", "time entry"],
        ["holiday", "vacation", "time off", "paid time off", "pto", "annual leave"],
        ["shift", "rota", "roster"],
        ["employee", "staff", "staff member", "worker"],
        ["manager", "supervisor", "line manager", "boss"],
        ["appraisal", "performance review", "performance evaluation", "evaluation"],
        ["candidate"],
        ["job", "vacancy", "job posting", "job opening", "job ad"],
        ["meeting", "appointment", "video call"],

        // Selling and billing
        ["invoice", "bill"],
        ["payment", "pay", "checkout", "credit card", "card payment"],
        ["discount", "coupon", "promo code", "promotion code", "voucher"],
        ["tax", "vat", "sales tax", "gst"],
        ["deal", "opportunity", "sales opportunity"],
        ["lead", "prospect"],
        ["quote", "quotation"],
        ["contract", "agreement"],
        ["signature", "esignature", "e signature", "esign", "electronic signature", "digital signature"],
        ["purchase", "buy"],
        ["shipping", "shipment", "ship"],
        ["inventory", "stock"],
        ["campaign", "blast", "newsletter"],
        ["segment", "audience"],
        ["webinar", "online event", "virtual event"],

        // Products people name
        ["msteams", "microsoft teams", "ms teams"],
        ["microsoft365", "office 365", "microsoft 365", "o365"],
        ["salesforce", "sfdc"],
    ];

    /// <summary>
    /// Words the stemmer would fold onto an unrelated word (accessible → access,
    /// personalise → person, documentation → document); they are looked up as written.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExactForms = new Dictionary<string, string>
    {
        ["accessible"] = "accessibility",
        ["accessibility"] = "accessibility",
        ["personalize"] = "customize",
        ["personalise"] = "customize",
        ["personalized"] = "customize",
        ["personalised"] = "customize",
        ["personalization"] = "customize",
        ["personalisation"] = "customize",
        ["customize"] = "customize",
        ["customise"] = "customize",
        ["customized"] = "customize",
        ["customised"] = "customize",
        ["customization"] = "customize",
        ["customisation"] = "customize",
        ["customizable"] = "customize",
        ["customisable"] = "customize",
        ["configurable"] = "customize",
        ["applicant"] = "candidate",
        ["applicants"] = "candidate",
        ["documentation"] = "documentation",
        ["docs"] = "documentation",
    };

    /// <summary>
    /// Words that start or pad a request ("add", "show", "better") but rarely say what is asked
    /// for: they count a little, so "Add dark mode" and "Dark mode" stay close.
    /// </summary>
    public static readonly string[] WeakWords =
    [
        "add", "create", "new", "make", "enable", "show", "display", "view", "see", "page", "screen",
        "setting", "option", "list", "button", "improve", "improvement", "better", "easier", "easy",
        "simple", "quick", "quickly", "use", "get", "set", "more", "custom", "support", "help",
        "manage", "management", "tool", "data", "info", "information", "thing", "item", "system",
        "automatically", "directly", "instead", "possible", "available", "current", "specific",
    ];

    /// <summary>Words beyond the analyzer's English stop set that carry no request of their own.</summary>
    public static readonly string[] FillerWords =
    [
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "she", "him", "her", "its", "them",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must", "do", "does",
        "did", "done", "have", "has", "had", "been", "being", "am", "so", "too", "very", "also",
        "just", "really", "please", "pls", "thanks", "thank", "want", "wanted", "wants", "need",
        "needs", "needed", "like", "able", "ability", "allow", "allows", "allowing", "let", "lets",
        "possibility", "way", "ways", "feature", "request", "idea", "suggestion", "from", "about",
        "some", "any", "all", "each", "every", "other", "which", "what", "when", "where", "who",
        "how", "why", "than", "here", "up", "out", "off", "over", "only", "own", "same", "both",
        "etc", "eg", "ie", "via", "within", "without", "across", "between", "per", "using", "one",
        "something", "someone", "anything", "everything", "currently", "now", "still", "even",
        "theres", "dont", "again", "ever", "always", "someday",
    ];
}
