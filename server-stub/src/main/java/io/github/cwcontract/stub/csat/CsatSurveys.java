package io.github.cwcontract.stub.csat;

import io.github.cwcontract.stub.contact.ContactViews;
import io.github.cwcontract.stub.model.CsatSurvey;
import io.github.cwcontract.stub.model.CsatSurveyCsatSurveyResponse;
import io.github.cwcontract.stub.store.ConversationRow;
import io.github.cwcontract.stub.store.CsatResponseRow;
import io.github.cwcontract.stub.store.MessageRow;
import io.github.cwcontract.stub.store.Store;

import java.util.List;

/** Chatwoot's CSAT survey: the input_csat template message sent on resolve, and its public view. */
public final class CsatSurveys {
    /** The i18n default of the survey message; the stub's inboxes have no custom CSAT text. */
    private static final String DEFAULT_QUESTION = "Please rate the conversation";

    private CsatSurveys() {
    }

    /** CsatSurveyService on resolve: at most one survey per conversation, only where the inbox enables CSAT. */
    public static void sendIfEnabled(Store store, ConversationRow conversation) {
        if (conversation.inbox.csatEnabled && conversation.csatMessage().isEmpty()) {
            MessageRow survey = store.addMessage(conversation, MessageRow.TEMPLATE, "input_csat", DEFAULT_QUESTION,
                    null, List.of());
            survey.contentAttributes.put("display_type", "emoji");
        }
    }

    static CsatSurvey view(MessageRow survey) {
        ConversationRow conversation = survey.conversation;
        return new CsatSurvey()
                .id(survey.id)
                .csatSurveyResponse(survey.csatResponse == null ? null : record(survey, survey.csatResponse))
                .displayType(CsatSurvey.DisplayTypeEnum.fromValue(
                        String.valueOf(survey.contentAttributes.getOrDefault("display_type", "emoji"))))
                // the inbox's configured survey text, which the stub's inboxes do not have
                .content(null)
                .inboxAvatarUrl("")
                .inboxName(conversation.inbox.name)
                .locale("en")
                .conversationId(conversation.internalId)
                .createdAt(ContactViews.time(survey.createdAt));
    }

    private static CsatSurveyCsatSurveyResponse record(MessageRow survey, CsatResponseRow response) {
        return new CsatSurveyCsatSurveyResponse()
                .id(response.id)
                .accountId(Store.ACCOUNT_ID)
                .conversationId(survey.conversation.internalId)
                .messageId(survey.id)
                .rating(response.rating)
                .feedbackMessage(response.feedbackMessage)
                .contactId(response.contactId)
                .createdAt(ContactViews.time(response.createdAt))
                .updatedAt(ContactViews.time(response.updatedAt));
    }
}
