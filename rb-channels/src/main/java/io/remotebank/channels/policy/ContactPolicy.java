package io.remotebank.channels.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Category;
import io.remotebank.channels.ChannelsError;
import io.remotebank.channels.internal.OptOutKeywords;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.ValidationException;
import io.remotebank.core.consent.ConsentPurpose;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The rules every message passes before it is queued: consent, approved templates, quiet hours and
 * frequency caps per category, and the opt-out keywords of inbound messages. Immutable.
 *
 * <p>{@link #ofDefaults()}: marketing needs consent ({@code marketing.sms} on SMS, {@code
 * marketing.wechat} on WeChat, mini-programs and WeCom) and an approved template, and goes out only
 * 08:00-20:00 in the recipient's zone (deferred otherwise); OTP, transactional and notification
 * messages go at any time; no frequency caps; the default zone is Asia/Shanghai; the opt-out keywords
 * are TD, T, R and 退订 (also 取消订阅, UNSUBSCRIBE and STOP).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContactPolicy {

    private final Map<Category, QuietHours> quietHours;
    private final Map<Category, QuietHoursAction> quietHoursActions;
    private final Map<Category, List<FrequencyCap>> caps;
    private final Set<Category> consentRequired;
    private final Set<Category> approvedTemplateRequired;
    private final Map<ContactChannel, ConsentPurpose> purposes;
    private final Map<ContactChannel, Duration> serviceWindows;
    private final ZoneId defaultZone;
    private final OptOutKeywords optOutKeywords;

    private ContactPolicy(Builder b) {
        this.quietHours = Map.copyOf(b.quietHours);
        this.quietHoursActions = Map.copyOf(b.quietHoursActions);
        Map<Category, List<FrequencyCap>> c = new EnumMap<>(Category.class);
        b.caps.forEach((k, v) -> c.put(k, List.copyOf(v)));
        this.caps = Map.copyOf(c);
        this.consentRequired = Set.copyOf(b.consentRequired);
        this.approvedTemplateRequired = Set.copyOf(b.approvedTemplateRequired);
        this.purposes = Map.copyOf(b.purposes);
        this.serviceWindows = Map.copyOf(b.serviceWindows);
        this.defaultZone = b.defaultZone;
        this.optOutKeywords = new OptOutKeywords(b.optOutKeywords);
    }

    /** The default policy (see the class description). */
    public static ContactPolicy ofDefaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The customer-service window of a channel: free-form messages (plain text, not a template) go
     * out only this long after the customer's last interaction. WeChat official accounts and
     * mini-programs: 48 hours by default.
     *
     * @param channel the channel
     * @return the window, or empty when the channel has none
     */
    public Optional<Duration> serviceWindow(ContactChannel channel) {
        return Optional.ofNullable(serviceWindows.get(channel));
    }

    /**
     * The sending window of a category.
     *
     * @param category the category
     * @return the window
     */
    public QuietHours quietHours(Category category) {
        return quietHours.getOrDefault(category, QuietHours.anyTime());
    }

    /**
     * What happens outside a category's window.
     *
     * @param category the category
     * @return defer or suppress
     */
    public QuietHoursAction quietHoursAction(Category category) {
        return quietHoursActions.getOrDefault(category, QuietHoursAction.DEFER);
    }

    /**
     * The frequency caps of a category.
     *
     * @param category the category
     * @return the caps, possibly none
     */
    public List<FrequencyCap> caps(Category category) {
        return caps.getOrDefault(category, List.of());
    }

    /**
     * Whether a category needs the customer's consent.
     *
     * @param category the category
     * @return true for marketing by default
     */
    public boolean consentRequired(Category category) {
        return consentRequired.contains(category);
    }

    /**
     * Whether a category must use an approved template.
     *
     * @param category the category
     * @return true for marketing by default
     */
    public boolean approvedTemplateRequired(Category category) {
        return approvedTemplateRequired.contains(category);
    }

    /**
     * The consent purpose checked for a channel, and withdrawn by an opt-out reply on it.
     *
     * @param channel the channel
     * @return the purpose
     */
    public ConsentPurpose consentPurpose(ContactChannel channel) {
        ConsentPurpose p = purposes.get(channel);
        return p != null ? p : ConsentPurpose.MARKETING_SMS;
    }

    /** The zone quiet hours use when neither the message nor the address resolver gives one. */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    /**
     * Whether an inbound text is an opt-out reply: after Unicode NFKC normalisation (full-width
     * letters become ASCII), trimming spaces and punctuation, and ignoring case, it is exactly one
     * of the keywords. "TD" is an opt-out; "TD Bank" is not.
     *
     * @param text the inbound text
     * @return whether it opts out
     */
    public boolean isOptOut(String text) {
        return optOutKeywords.matches(Arguments.notNull(text, "text"));
    }

    /** The opt-out keywords as configured. */
    public Set<String> optOutKeywords() {
        return optOutKeywords.keywords();
    }

    /** Builds a {@link ContactPolicy}; starts from the defaults. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Map<Category, QuietHours> quietHours = new EnumMap<>(Category.class);
        private final Map<Category, QuietHoursAction> quietHoursActions = new EnumMap<>(Category.class);
        private final Map<Category, List<FrequencyCap>> caps = new EnumMap<>(Category.class);
        private final Set<Category> consentRequired = EnumSet.of(Category.MARKETING);
        private final Set<Category> approvedTemplateRequired = EnumSet.of(Category.MARKETING);
        private final Map<ContactChannel, ConsentPurpose> purposes = new EnumMap<>(ContactChannel.class);
        private final Map<ContactChannel, Duration> serviceWindows = new EnumMap<>(ContactChannel.class);
        private ZoneId defaultZone = ZoneId.of("Asia/Shanghai");
        private final Set<String> optOutKeywords =
                new LinkedHashSet<>(List.of("TD", "T", "R", "退订", "取消订阅", "UNSUBSCRIBE", "STOP"));

        private Builder() {
            quietHours.put(Category.MARKETING, QuietHours.sendBetween(LocalTime.of(8, 0), LocalTime.of(20, 0)));
            purposes.put(ContactChannel.SMS, ConsentPurpose.MARKETING_SMS);
            purposes.put(ContactChannel.WECHAT, ConsentPurpose.MARKETING_WECHAT);
            purposes.put(ContactChannel.MINI_PROGRAM, ConsentPurpose.MARKETING_WECHAT);
            purposes.put(ContactChannel.WECOM, ConsentPurpose.MARKETING_WECHAT);
            // WeChat's customer-service messages (客服消息): 48 hours after the user's last interaction.
            serviceWindows.put(ContactChannel.WECHAT, Duration.ofHours(48));
            serviceWindows.put(ContactChannel.MINI_PROGRAM, Duration.ofHours(48));
        }

        /**
         * The customer-service window of a channel; {@link Duration#ZERO} removes it.
         *
         * @param channel the channel
         * @param window zero (none) to 30 days
         * @return this builder
         */
        public Builder serviceWindow(ContactChannel channel, Duration window) {
            Arguments.notNull(channel, "channel");
            Arguments.notNegative(window, "service window");
            Arguments.inRange(window.toHours(), 0, 720, "service window (hours)");
            if (window.isZero()) {
                serviceWindows.remove(channel);
            } else {
                serviceWindows.put(channel, window);
            }
            return this;
        }

        /**
         * The sending window of a category.
         *
         * @param category the category
         * @param window the window ({@link QuietHours#anyTime()} for none)
         * @param action what happens outside it
         * @return this builder
         */
        public Builder quietHours(Category category, QuietHours window, QuietHoursAction action) {
            quietHours.put(Arguments.notNull(category, "category"), Arguments.notNull(window, "window"));
            quietHoursActions.put(category, Arguments.notNull(action, "action"));
            return this;
        }

        /**
         * Adds a frequency cap to a category (several may apply, e.g. 1 an hour and 3 a day).
         *
         * @param category the category
         * @param cap the cap
         * @return this builder
         */
        public Builder frequencyCap(Category category, FrequencyCap cap) {
            caps.computeIfAbsent(Arguments.notNull(category, "category"), k -> new ArrayList<>())
                    .add(Arguments.notNull(cap, "cap"));
            return this;
        }

        /**
         * Which categories need consent (default: marketing).
         *
         * @param categories the categories; none for no consent check at all
         * @return this builder
         */
        public Builder consentRequiredFor(Category... categories) {
            consentRequired.clear();
            consentRequired.addAll(Arguments.noNulls(Arrays.asList(categories), "categories"));
            return this;
        }

        /**
         * Which categories must use an approved template (default: marketing).
         *
         * @param categories the categories
         * @return this builder
         */
        public Builder approvedTemplateRequiredFor(Category... categories) {
            approvedTemplateRequired.clear();
            approvedTemplateRequired.addAll(Arguments.noNulls(Arrays.asList(categories), "categories"));
            return this;
        }

        /**
         * The consent purpose of a channel.
         *
         * @param channel the channel
         * @param purpose the purpose
         * @return this builder
         */
        public Builder consentPurpose(ContactChannel channel, ConsentPurpose purpose) {
            purposes.put(Arguments.notNull(channel, "channel"), Arguments.notNull(purpose, "purpose"));
            return this;
        }

        /**
         * The zone for recipients whose zone is unknown (default Asia/Shanghai).
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = Arguments.notNull(zone, "zone");
            return this;
        }

        /**
         * Replaces the opt-out keywords.
         *
         * @param keywords 1 to 100 keywords, each 1-32 characters after normalisation
         * @return this builder
         */
        public Builder optOutKeywords(Set<String> keywords) {
            Arguments.noNulls(keywords, "keywords");
            if (keywords.isEmpty() || keywords.size() > 100) {
                throw new ValidationException(
                        ChannelsError.CONFIG_INVALID, "1 to 100 opt-out keywords, got " + keywords.size());
            }
            optOutKeywords.clear();
            optOutKeywords.addAll(keywords);
            return this;
        }

        /**
         * Adds opt-out keywords to the current ones.
         *
         * @param keywords the keywords
         * @return this builder
         */
        public Builder addOptOutKeywords(String... keywords) {
            optOutKeywords.addAll(Arguments.noNulls(Arrays.asList(keywords), "keywords"));
            return this;
        }

        /**
         * The policy.
         *
         * @return the policy
         * @throws ValidationException with {@link ChannelsError#CONFIG_INVALID} for a keyword that is
         *     blank after normalisation
         */
        public ContactPolicy build() {
            return new ContactPolicy(this);
        }
    }
}
