package io.github.cwcontract.stub.inbox;

import io.github.cwcontract.stub.api.InboxApi;
import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.model.Inbox;
import io.github.cwcontract.stub.model.WorkingHours;
import io.github.cwcontract.stub.store.InboxRow;
import io.github.cwcontract.stub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

@Singleton
public final class InboxResource implements InboxApi {
    private final Store store;

    @Inject
    public InboxResource(Store store) {
        this.store = store;
    }

    @Override
    public Inbox getInbox(String inboxIdentifier) {
        InboxRow inbox = store.locked(() -> store.inbox(inboxIdentifier)).orElseThrow(ApiErrors::notFound);
        return new Inbox(inbox.identifier, inbox.hmacMandatory, inbox.name, "UTC", defaultWorkingHours(), false,
                inbox.csatEnabled, false);
    }

    /** Chatwoot's seed for a new inbox: Monday to Friday 9:00-17:00, the weekend closed. */
    private static List<WorkingHours> defaultWorkingHours() {
        List<WorkingHours> week = new ArrayList<>();
        for (int day = 0; day <= 6; day++) {
            boolean weekend = day == 0 || day == 6;
            week.add(weekend
                    ? new WorkingHours(day, true, null, null, null, null, false)
                    : new WorkingHours(day, false, 9, 0, 17, 0, false));
        }
        return week;
    }
}
