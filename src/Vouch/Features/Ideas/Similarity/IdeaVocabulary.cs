namespace Vouch.Features.Ideas.Similarity;

/// <summary>
/// The words product ideas are written in. People ask for the same thing in different words
/// ("night theme", "dark mode"), so each group below names one request; the first entry is its
/// canonical term. Entries are written as people type them: they are stemmed with the same
/// stemmer as the text, so "exporting" and "exports" find "export". Groups are general product
/// vocabulary; the labelled pairs of the tests measure them, and their held-out part was not
/// used to write them.
/// </summary>
internal static class IdeaVocabulary
{
    public static readonly string[][] SynonymGroups =
    [
        // Moving data in and out
        ["export", "download", "extract", "dump"],
        ["import", "upload", "ingest", "migrate", "migration"],
        ["csv", "spreadsheet", "excel", "xlsx", "xls", "google sheets", "comma separated"],
        ["sync", "synchronize", "synchronise", "synchronization", "synchronisation", "two way sync"],
        ["backup", "back up", "snapshot"],
        ["api", "rest api", "public api", "endpoint"],
        ["webhook", "web hook", "callback"],
        ["integration", "integrate", "connector", "connect", "plugin", "plug in", "addon", "add on"],
        ["embed", "embeddable", "iframe", "embed code"],
        ["link", "url", "hyperlink"],

        // Signing in and security
        ["login", "log in", "sign in", "signin", "logon", "log on"],
        ["logout", "log out", "sign out", "signout"],
        ["signup", "sign up", "register", "registration"],
        ["sso", "single sign on", "single signon", "single sign in", "saml"],
        ["biometric", "biometrics", "face id", "touch id", "fingerprint", "face unlock"],
        ["mfa", "2fa", "two factor authentication", "multi factor authentication", "2fa authentication", "two factor", "multi factor", "2 factor", "second factor", "two step", "2 step", "totp", "otp", "authenticator app"],
        ["password", "passcode", "passphrase"],
        ["passwordreset", "password reset", "reset password", "forgot password", "forgotten password"],
        ["rememberme", "remember me", "stay signed in", "stay logged in", "keep me logged in", "keep me signed in", "persistent login"],
        ["passkey", "webauthn", "fido", "security key", "yubikey"],
        ["scim", "user provisioning", "auto provisioning", "provision users", "deprovision"],
        ["impersonate", "impersonation", "log in as", "login as user", "view as user"],
        ["sessiontimeout", "session timeout", "auto logout", "automatic logout", "idle timeout", "inactivity timeout", "timeout", "time out", "idle", "inactivity"],
        ["ipallowlist", "ip allowlist", "ip allow list", "ip whitelist", "ip restriction", "allowlist", "whitelist", "trusted ip", "ip range", "corporate network", "office network", "company network", "vpn"],
        ["encrypt", "encryption", "encrypted"],
        ["privacy", "gdpr", "ccpa", "data protection"],
        ["permission", "access control", "access rights", "access level", "privilege", "rbac", "user rights"],
        ["readonly", "read only", "view only", "view but not edit"],
        ["admin", "administrator", "superuser", "super user"],
        ["adminpanel", "admin panel", "admin area", "admin console", "admin portal", "back office", "backoffice"],
        ["portal", "customer portal", "client portal", "self service"],
        ["auditlog", "audit log", "audit trail", "activity log", "activity history", "change history", "edit history", "track changes"],
        ["versionhistory", "version history", "revision history", "versioning", "previous versions", "older versions", "earlier versions", "old versions", "file versions"],

        // Look and feel
        ["darkmode", "dark mode", "dark theme", "night mode", "night theme", "dark ui", "dark skin", "black theme"],
        ["theme", "skin"],
        ["color", "colour"],
        ["brand", "branding", "white label", "whitelabel", "white labeling", "logo"],
        ["font", "typeface", "text size", "font size", "letter size"],
        ["accessibility", "a11y", "screen reader", "wcag", "high contrast", "blind", "visually impaired", "low vision"],
        ["rtl", "right to left"],
        ["shortcut", "keyboard shortcut", "hotkey", "hot key", "keybinding", "key binding"],
        ["dragdrop", "drag and drop", "drag n drop", "drag drop", "draggable"],
        ["fullscreen", "full screen"],
        ["sidebar", "side bar", "side panel", "side menu", "left menu", "navigation menu", "nav menu", "navigation bar", "nav bar"],
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
        ["preview", "thumbnail", "quick look", "quick view"],
        ["defaultview", "default view", "default page", "start page", "home view"],
        ["announcement", "banner", "in app message", "broadcast"],
        ["show", "display", "reveal", "unhide"],
        ["website", "site", "web site", "webpage", "web page"],
        ["performance", "speed", "slow", "slowness", "fast", "faster", "lag", "laggy", "sluggish", "load time", "loading time", "latency", "speed up"],
        ["offline", "without internet", "no internet", "no connection", "without connection", "without connectivity", "internet connection", "without internet connection", "no internet connection"],
        ["mobile", "mobile app", "phone", "smartphone", "ios", "android", "iphone", "ipad", "tablet"],
        ["web", "browser", "web app", "web version"],
        ["desktop", "desktop app", "windows app", "mac app"],
        ["language", "translation", "translate", "localization", "localisation", "localize", "localise", "i18n", "multilingual", "multi language", "locale"],
        ["timezone", "time zone"],
        ["currency", "multi currency", "multiple currencies", "exchange rate", "foreign currency", "euro", "eur", "dollar", "usd", "pound", "gbp", "yen"],
        ["increase", "bigger", "larger", "higher", "raise", "enlarge"],
        ["decrease", "smaller", "reduce", "lower", "shrink"],

        // Finding and organising
        ["search", "find", "lookup", "look up", "look for"],
        ["filter", "facet"],
        ["sort", "sort by", "order by", "reorder", "rearrange"],
        ["savedview", "saved view", "saved filter", "saved search", "custom view"],
        ["fuzzy", "fuzzy search", "typo", "misspell", "misspelling", "misspelled", "spelling mistake"],
        ["daterange", "date range", "custom range", "start and end date", "time range", "time period", "date filter"],
        ["compare", "comparison", "versus", "vs", "side by side", "period over period", "year over year", "quarter over quarter", "month over month"],
        ["drilldown", "drill down", "drill into", "drill through", "click through"],
        ["tag", "label", "hashtag"],
        ["mark", "flag"],
        ["unread", "mark as unread", "not read"],
        ["limit", "cap", "maximum", "max"],
        ["amount", "total", "sum"],
        ["folder", "subfolder"],
        ["favorite", "favourite", "bookmark", "star", "starred"],
        ["bulk", "batch", "mass", "in bulk", "at once", "multiple at once", "many at once", "all at once", "several at once", "in one go"],
        ["duplicate", "clone", "copy", "dupe"],
        ["merge", "combine", "consolidate", "dedupe", "deduplicate"],
        ["delete", "remove", "erase", "purge", "get rid of", "discard", "trash"],
        ["restore", "undo", "revert", "rollback", "roll back", "recover", "undelete", "recycle bin"],
        ["hide", "conceal", "collapse", "minimize", "minimise"],
        ["field", "attribute", "custom property"],
        ["template", "preset", "boilerplate", "blueprint"],

        // Telling people
        ["notification", "notify", "alert", "ping"],
        ["email", "e mail", "mail"],
        ["sms", "text message", "texting"],
        ["chat", "live chat", "messaging", "instant message", "chat bubble", "chat widget", "chat window"],
        ["groupchat", "group chat", "group conversation", "group message"],
        ["readreceipt", "read receipt", "seen status", "read status"],
        ["sharedinbox", "shared inbox", "team inbox", "shared mailbox", "team mailbox", "group inbox"],
        ["spam", "junk"],
        ["autosave", "auto save", "save automatically", "automatic save", "autosaving"],
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
        ["activityfeed", "activity feed", "activity stream", "news feed", "feed"],
        ["realtime", "real time", "live update", "live updating", "auto refresh", "automatic refresh", "refresh automatically", "live data"],
        ["chart", "graph", "visualization", "visualisation", "plot", "diagram"],
        ["kpi", "metric"],
        ["forecast", "projection", "predict", "prediction"],
        ["goal", "target", "objective", "okr"],
        ["rating", "csat", "satisfaction", "nps", "star rating", "thumbs up"],
        ["abtest", "ab test", "a b test", "split test", "ab testing", "a b testing", "multivariate test"],
        ["recurring", "recurrent", "repeating", "repeat", "periodic", "periodically"],
        ["ai", "artificial intelligence", "machine learning", "ml", "gpt", "llm", "chatgpt"],

        // People and work
        ["user", "member", "teammate", "team member", "colleague", "coworker", "end user", "people"],
        ["team", "department", "division", "business unit", "squad"],
        ["customer", "client", "shopper", "buyer"],
        ["churn", "attrition", "at risk", "churn risk"],
        ["healthscore", "health score", "customer health", "account health"],
        ["guest", "external user", "outside collaborator", "external collaborator", "guest access", "guest user", "outside user"],
        ["reassign", "transfer ownership", "change owner", "change ownership", "hand over", "handover"],
        ["roundrobin", "round robin", "distribute evenly", "evenly distribute", "even distribution", "load balancing"],
        ["seat", "license", "licence"],
        ["workflow", "work flow", "automation", "automate"],
        ["approval", "approve", "sign off", "signoff"],
        ["task", "todo", "to do", "action item"],
        ["subtask", "sub task", "child task", "nested task"],
        ["dependency", "blocked by", "depends on"],
        ["deadline", "due date"],
        ["priority", "prioritize", "prioritise", "urgency", "rank", "ranking", "score", "scoring"],
        ["sla", "service level", "response target", "response time target", "breach"],
        ["cannedresponse", "canned response", "saved reply", "reply template", "response template", "quick reply", "macro", "snippet"],
        ["orgchart", "org chart", "organization chart", "organisation chart", "organizational chart", "organisational chart", "reporting line"],
        ["gantt", "gantt chart", "timeline", "timeline view"],
        ["kanban", "kanban board", "board view"],
        ["sprint", "iteration"],
        ["roadmap", "road map"],
        ["releasenotes", "release notes", "changelog", "change log", "whats new"],
        ["onboarding", "getting started", "walkthrough", "tutorial", "product tour", "guided tour", "setup wizard", "guided setup"],
        ["knowledgebase", "knowledge base", "help center", "help centre", "faq"],
        ["chatbot", "chat bot", "bot", "virtual assistant"],
        ["sandbox", "test environment", "testing environment", "staging", "test instance"],
        ["timetracking", "time tracking", "timesheet", "time sheet", "track time", "log hours", "log time", "hours worked", "time entry"],
        ["holiday", "vacation", "time off", "paid time off", "pto", "annual leave"],
        ["shift", "rota", "roster"],
        ["employee", "staff", "staff member", "worker"],
        ["manager", "supervisor", "line manager", "boss"],
        ["appraisal", "performance review", "performance evaluation", "evaluation"],
        ["candidate"],
        ["job", "vacancy", "job posting", "job opening", "job ad"],
        ["meeting", "appointment", "video call"],

        // Scheduling, learning, field service, legal and operations
        ["booking", "book", "online booking", "self scheduling", "booking page", "scheduling link"],
        ["availability", "free slots", "open slots", "available times"],
        ["quiz", "exam", "assessment"],
        ["certificate", "certification", "diploma"],
        ["student", "learner", "trainee", "pupil"],
        ["teacher", "instructor", "trainer", "tutor"],
        ["technician", "field worker", "field engineer", "field agent", "field technician"],
        ["route", "itinerary", "directions", "driving route"],
        ["optimize", "optimise", "optimization", "optimisation", "optimal", "shortest"],
        ["clause", "paragraph", "standard wording", "legal wording"],
        ["deploy", "deployment", "release", "go live", "rollout", "roll out", "push to production"],
        ["outage", "downtime", "incident", "service down", "unavailable"],
        ["statuspage", "status page", "uptime page", "system status", "service status"],

        // Selling and billing
        ["invoice", "bill"],
        ["payment", "pay", "checkout", "credit card", "card payment", "card details", "payment method", "payment details", "billing details", "card on file"],
        ["prorate", "proration", "prorated", "pro rata", "partial month", "partial period"],
        ["discount", "coupon", "promo code", "promotion code", "voucher"],
        ["tax", "vat", "sales tax", "gst"],
        ["deal", "opportunity", "sales opportunity"],
        ["lead", "prospect"],
        ["quote", "quotation"],
        ["contract", "agreement"],
        ["signature", "esignature", "e signature", "esign", "electronic signature", "digital signature"],
        ["purchase", "buy"],
        ["shipping", "shipment", "ship"],
        ["inventory", "stock", "stock level", "in stock", "out of stock"],
        ["walletpay", "apple pay", "google pay", "digital wallet", "mobile wallet", "wallet"],
        ["refund", "reimburse", "money back", "chargeback"],
        ["cart", "basket", "shopping cart", "shopping basket"],
        ["campaign", "blast", "newsletter", "marketing email", "email campaign", "mass email"],
        ["segment", "audience"],
        ["webinar", "online event", "virtual event"],
        ["businesscard", "business card", "visiting card"],
        ["ratelimit", "rate limit", "rate limiting", "throttling", "throttle", "api limit", "api quota", "quota"],
        ["anonymous", "anonymously", "anonymize", "anonymise"],
        ["create", "add", "new"],
        ["edit", "modify", "amend", "change", "update"],

        // Products people name
        ["msteams", "microsoft teams", "ms teams"],
        ["microsoft365", "office 365", "microsoft 365", "o365"],
        ["salesforce", "sfdc"],
    ];

    /// <summary>
    /// Terms that name alternatives to each other. Ideas that share their other words but differ
    /// here ask for different things: contacts exported or imported, alerts by email or by SMS,
    /// a sync with HubSpot or with Salesforce.
    /// </summary>
    public static readonly string[][] Alternatives =
    [
        // What is done to a thing
        ["import", "export", "print", "send", "receive", "create", "edit", "rename", "delete", "archive", "restore", "duplicate", "merge", "split"],
        ["enable", "disable"],
        ["show", "hide"],
        ["sort", "filter"],
        ["increase", "decrease"],
        ["lock", "unlock"],
        ["public", "private"],
        ["internal", "external"],
        ["before", "after"],
        ["manual", "manually", "automatic", "automatically"],
        ["hourly", "daily", "weekly", "monthly", "quarterly", "yearly"],
        ["login", "logout", "signup"],
        ["pdf", "csv", "html", "json", "xml"],
        ["email", "sms", "slack", "msteams", "whatsapp", "push"],
        ["mobile", "desktop", "web"],
        // The things an idea is about
        [
            "contact", "deal", "lead", "invoice", "quote", "task", "project", "ticket", "product", "expense", "employee",
            "candidate", "report", "dashboard", "auditlog", "file", "comment",
        ],
        ["admin", "user", "manager", "customer", "employee", "guest", "owner"],
        // Other products to integrate with: one or another is a different integration
        [
            "salesforce", "hubspot", "pipedrive", "zoho", "google", "microsoft", "apple", "gmail", "outlook", "microsoft365",
            "dropbox", "onedrive", "sharepoint", "box", "jira", "trello", "asana", "clickup", "github", "gitlab", "zapier",
            "ifttt", "n8n", "workato", "stripe", "paypal", "braintree", "quickbooks", "xero", "sage", "netsuite", "okta",
            "onelogin", "auth0", "slack", "msteams", "zoom", "docusign", "shopify", "mailchimp", "intercom", "zendesk",
            "freshdesk", "linkedin", "twitter", "facebook", "instagram", "whatsapp",
        ],
        ["english", "german", "french", "spanish", "italian", "dutch", "portuguese", "polish", "swedish", "japanese", "chinese", "korean", "arabic", "hebrew"],
    ];

    /// <summary>
    /// Asking to remove, turn off or hide something is the opposite of asking for it: "Pie charts
    /// on the dashboard" and "Remove pie charts from the dashboard".
    /// </summary>
    public static readonly string[] Negations = ["delete", "disable", "hide"];

    /// <summary>
    /// Words that only join others ("export the report", "save my filters"); they are dropped
    /// before phrases are looked up, so a phrase is found with or without them.
    /// </summary>
    public static readonly string[] GlueWords = ["a", "an", "the", "my", "our", "your", "their", "his", "her", "its"];

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
        "create", "make", "app", "application", "record", "entry", "version", "common", "action", "time", "level", "step", "enable", "show", "display", "view", "see", "page", "screen",
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
