package dev.lamina.config.internal.runtime;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.AuditRecord;
import dev.lamina.config.AuthorizationPolicy;
import dev.lamina.config.ChangeRecord;
import dev.lamina.config.ConfigAccessDeniedException;
import dev.lamina.config.ConfigDiff;
import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigValidationException;
import dev.lamina.config.ConfigValidator;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.Principal;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.Snapshot;
import dev.lamina.config.ValidationProblem;

/**
 * The one sequence every change of the manager goes through (load, reload, update, rollback, setActiveConfig):
 * take the publish lock, plan the candidate from the state in force, validate it, commit it; or, when anything
 * refuses it, audit the refusal, tell snapshot listeners, rethrow, and leave the previous snapshot in force.
 * Reading sources happens before, outside the lock ({@link #outsideLock}), with the same refusal handling.
 * Thread-safe.
 */
public final class ApplyStep {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyStep.class);

    /** What a change publishes, computed under the publish lock from the state in force. */
    @FunctionalInterface
    public interface Plan {
        /**
         * @param prev the state in force, or {@code null} before the first load
         * @return the candidate, or {@code null} when there is nothing to change
         */
        Publisher.Draft draft(ManagerState prev);
    }

    private final Publisher publisher;
    private final ChangeAudit audit;
    private final EventDispatcher events;
    private final ConfigValidator validator;
    private final AuthorizationPolicy policy;
    private final SecretPolicy secretPolicy;
    private final BooleanSupplier closed;

    /**
     * @param publisher    publishes a validated candidate
     * @param audit        records refusals
     * @param events       tells snapshot listeners of refusals
     * @param validator    validates every candidate
     * @param policy       decides which principal may change which path
     * @param secretPolicy for the diff that authorization walks
     * @param closed       whether the manager is closed (checked under the lock)
     */
    public ApplyStep(Publisher publisher, ChangeAudit audit, EventDispatcher events, ConfigValidator validator,
                     AuthorizationPolicy policy, SecretPolicy secretPolicy, BooleanSupplier closed) {
        this.publisher = publisher;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
        this.policy = policy;
        this.secretPolicy = secretPolicy;
        this.closed = closed;
    }

    /**
     * Runs one change.
     *
     * @param action    what kind of change
     * @param principal who
     * @param why       why (recorded)
     * @param plan      builds the candidate from the state in force
     * @param refused   the masked paths to audit when the change is refused
     * @return the new snapshot, or the one in force when there was nothing to change
     * @throws ConfigException       when anything refuses the change; nothing is published
     * @throws IllegalStateException if the manager is closed
     */
    public Snapshot apply(ChangeRecord.Action action, Principal principal, String why, Plan plan,
                          Function<ManagerState, List<AuditRecord.Change>> refused) {
        return underLock(action, principal, plan, refused, true, why);
    }

    /**
     * Plans, validates and (when {@code commit}) publishes under the publish lock; a refusal is audited and told to
     * listeners. Without {@code commit} it returns the snapshot the change was checked against.
     */
    private Snapshot underLock(ChangeRecord.Action action, Principal principal, Plan plan,
                               Function<ManagerState, List<AuditRecord.Change>> refused, boolean commit, String why) {
        publisher.lock().lock();
        try {
            if (closed.getAsBoolean()) {
                throw new IllegalStateException("this ConfigurationManager is closed");
            }
            ManagerState prev = publisher.state();
            try {
                Publisher.Draft d = plan.draft(prev);
                if (d == null) {
                    return prev.snapshot();
                }
                validate(d.config(), d.environment());
                return commit ? publisher.commit(prev, d, action, principal, why) : prev.snapshot();
            } catch (RuntimeException e) {
                ConfigException ce = asConfigException(action, e);
                if (ce == null) {
                    throw e;
                }
                refuse(prev, principal, action, refused.apply(prev), ce);
                throw ce;
            }
        } finally {
            publisher.lock().unlock();
        }
    }

    /**
     * Runs the read stage of a change outside the publish lock, so a slow source delays neither readers nor
     * updates; a failure is refused (audited, told to snapshot listeners) as the change would be.
     *
     * @param action what kind of change
     * @param prev   the state in force when the read started, or {@code null}
     * @param read   the read
     * @param <T>    what it reads
     * @return what was read
     * @throws ConfigException when the read fails
     */
    public <T> T outsideLock(ChangeRecord.Action action, ManagerState prev, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            ConfigException ce = asConfigException(action, e);
            if (ce == null) {
                throw e;
            }
            refuse(prev, Principal.system(), action, List.of(), ce);
            throw ce;
        }
    }

    /**
     * Checks a change exactly as {@link #apply} would (plan, validation, authorization) without committing it: for
     * a change that a remote store applies and a reload then publishes. A refusal is audited and told to listeners.
     *
     * @param action    what kind of change
     * @param principal who
     * @param plan      builds the candidate from the state in force
     * @param refused   the masked paths to audit when the change is refused
     * @return the snapshot the change was checked against
     * @throws ConfigException       when anything refuses the change
     * @throws IllegalStateException if the manager is closed
     */
    public Snapshot check(ChangeRecord.Action action, Principal principal, Plan plan,
                          Function<ManagerState, List<AuditRecord.Change>> refused) {
        return underLock(action, principal, plan, refused, false, null);
    }

    /**
     * Runs a step of a change outside the publish lock (a write to a remote store); a {@link ConfigException} is
     * refused (audited against the state then in force, told to snapshot listeners) and rethrown.
     *
     * @param action    what kind of change
     * @param principal who
     * @param step      the step
     * @param refused   the masked paths to audit when it fails
     * @param <T>       what the step returns
     * @return what the step returned
     */
    public <T> T outsideLock(ChangeRecord.Action action, Principal principal, Supplier<T> step,
                             Function<ManagerState, List<AuditRecord.Change>> refused) {
        try {
            return step.get();
        } catch (ConfigException e) {
            ManagerState now = publisher.state();
            refuse(now, principal, action, refused.apply(now), e);
            throw e;
        }
    }

    /**
     * @param candidate   a candidate
     * @param environment its environment
     * @throws ConfigValidationException if the validator reports a blocking problem
     */
    public void validate(Configuration candidate, String environment) {
        validate(validator, candidate, environment);
    }

    /**
     * @param validator   the validator
     * @param candidate   a candidate (a change's, or a tenant view)
     * @param environment its environment
     * @throws ConfigValidationException if the validator reports a blocking problem; other findings are logged
     */
    public static void validate(ConfigValidator validator, Configuration candidate, String environment) {
        List<ValidationProblem> problems = validator.validate(candidate, environment);
        if (anyBlocking(problems)) {
            throw new ConfigValidationException(problems);
        }
        for (ValidationProblem p : problems) {
            LOG.info("configuration warning: {}", p.describe());
        }
    }

    /**
     * @param principal who
     * @param path      a path to change
     * @throws ConfigAccessDeniedException if the policy refuses
     */
    public void authorize(Principal principal, ConfigPath path) {
        if (!policy.isAllowed(principal, path)) {
            throw new ConfigAccessDeniedException(principal.name(), path);
        }
    }

    /**
     * @param principal who
     * @param prev      the state in force, or {@code null}
     * @param target    the tree that would be published
     * @throws ConfigAccessDeniedException if the policy refuses any leaf that would change
     */
    public void authorizeChanges(Principal principal, ManagerState prev, ConfigObject target) {
        ConfigObject from = prev == null ? ConfigObject.empty(Origin.UNKNOWN) : prev.snapshot().configuration().root();
        for (ConfigDiff.Entry c : ConfigDiff.between(from, target, secretPolicy)) {
            authorize(principal, c.path());
        }
    }

    /** A reload must fail as a refused reload whatever went wrong; other changes let bugs through as they are. */
    private static ConfigException asConfigException(ChangeRecord.Action action, RuntimeException e) {
        if (e instanceof ConfigException c) {
            return c;
        }
        if (action == ChangeRecord.Action.RELOAD) {
            return new ConfigException(null, null, "reload failed unexpectedly (" + e.getClass().getName() + ")", e);
        }
        return null;
    }

    private void refuse(ManagerState prev, Principal principal, ChangeRecord.Action action,
                        List<AuditRecord.Change> changes, ConfigException e) {
        audit.rejected(action, principal, changes, prev == null ? 0 : prev.snapshot().version(), e);
        events.rejected(ConfigErrorEvent.of(e));
    }

    /** A loop, not a stream: every load validates, and a stream pipeline costs a cold start its classes. */
    private static boolean anyBlocking(List<ValidationProblem> problems) {
        for (ValidationProblem p : problems) {
            if (p.blocking()) {
                return true;
            }
        }
        return false;
    }
}
