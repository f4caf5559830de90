package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.client.model.AgentBotSender;
import io.github.cwcontract.client.model.CaptainAssistantSender;
import io.github.cwcontract.client.model.Contact;
import io.github.cwcontract.client.model.ContactAttachment;
import io.github.cwcontract.client.model.ContactSender;
import io.github.cwcontract.client.model.Conversation;
import io.github.cwcontract.client.model.CsatSubmission;
import io.github.cwcontract.client.model.CsatSurvey;
import io.github.cwcontract.client.model.EmbedAttachment;
import io.github.cwcontract.client.model.FallbackAttachment;
import io.github.cwcontract.client.model.FileAttachment;
import io.github.cwcontract.client.model.LocationAttachment;
import io.github.cwcontract.client.model.Message;
import io.github.cwcontract.client.model.SubmittedItem;
import io.github.cwcontract.client.model.UserSender;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payloads of older and newer 4.x servers, read with the mapper the generated API classes use. */
class PayloadToleranceTest {

  private static final ObjectMapper MAPPER = new ApiClient().getObjectMapper();

  private static <T> T read(String json, Class<T> type) throws Exception {
    return MAPPER.readValue(json.replace('\'', '"'), type);
  }

  @Test
  void senderVariantsFollowTheTypeDiscriminator() throws Exception {
    List<Message> messages = MAPPER.readValue(("["
        + "{'id':1,'content':'a','message_type':0,'content_type':'text','content_attributes':{},'created_at':1,'conversation_id':1,"
        + " 'sender':{'additional_attributes':{},'custom_attributes':{},'email':null,'id':5,'identifier':null,'name':'Al',"
        + "  'phone_number':null,'thumbnail':'','blocked':false,'type':'contact'}},"
        + "{'id':2,'content':'b','message_type':1,'content_type':'text','content_attributes':{},'created_at':2,'conversation_id':1,"
        + " 'sender':{'id':7,'name':'Jane','available_name':'Jane','avatar_url':'','type':'user','availability_status':null,'thumbnail':''}},"
        + "{'id':3,'content':'c','message_type':1,'content_type':'text','content_attributes':{},'created_at':3,'conversation_id':1,"
        + " 'sender':{'id':3,'name':'Bot','avatar_url':'','type':'agent_bot'}},"
        + "{'id':4,'content':'d','message_type':1,'content_type':'text','content_attributes':{},'created_at':4,'conversation_id':1,"
        + " 'sender':{'id':2,'name':'Captain','avatar_url':'','description':null,'created_at':'2026-01-05T08:00:00.000Z','type':'captain_assistant'}}"
        + "]").replace('\'', '"'), new TypeReference<List<Message>>() { });

    assertEquals("Al", assertInstanceOf(ContactSender.class, messages.get(0).getSender().getActualInstance()).getName());
    assertEquals("Jane", assertInstanceOf(UserSender.class, messages.get(1).getSender().getActualInstance()).getAvailableName());
    assertEquals(3, assertInstanceOf(AgentBotSender.class, messages.get(2).getSender().getActualInstance()).getId());
    assertEquals(2026, assertInstanceOf(CaptainAssistantSender.class, messages.get(3).getSender().getActualInstance())
        .getCreatedAt().getYear());
  }

  @Test
  void attachmentVariantsFollowTheFileTypeDiscriminator() throws Exception {
    Message message = read("{'id':1,'content':null,'message_type':0,'content_type':'text','content_attributes':{},"
        + "'created_at':1,'conversation_id':1,'attachments':["
        + "{'id':1,'message_id':1,'file_type':'audio','account_id':1,'extension':'ogg','content_type':'audio/ogg',"
        + " 'data_url':'https://x/a.ogg','thumb_url':'','file_size':10,'width':null,'height':null,'transcribed_text':''},"
        + "{'id':2,'message_id':1,'file_type':'location','account_id':1,'coordinates_lat':52.52,'coordinates_long':13.405,"
        + " 'fallback_title':'Alexanderplatz','data_url':null},"
        + "{'id':3,'message_id':1,'file_type':'fallback','account_id':1,'fallback_title':'Post','data_url':'https://x/p'},"
        + "{'id':4,'message_id':1,'file_type':'contact','account_id':1,'fallback_title':'+14155550199','meta':{'firstName':'Bob'}},"
        + "{'id':5,'message_id':1,'file_type':'embed','account_id':1,'data_url':'https://x/e'},"
        + "{'id':6,'message_id':1,'file_type':'ig_reel','account_id':1,'data_url':'https://x/r','thumb_url':''}"
        + "]}", Message.class);

    List<Object> attachments = message.getAttachments().stream().map(a -> a.getActualInstance()).toList();
    assertEquals(FileAttachment.FileTypeEnum.AUDIO, assertInstanceOf(FileAttachment.class, attachments.get(0)).getFileType());
    assertEquals("Alexanderplatz", assertInstanceOf(LocationAttachment.class, attachments.get(1)).getFallbackTitle());
    assertEquals("Post", assertInstanceOf(FallbackAttachment.class, attachments.get(2)).getFallbackTitle());
    assertEquals("Bob", assertInstanceOf(ContactAttachment.class, attachments.get(3)).getMeta().get("firstName"));
    assertEquals("https://x/e", assertInstanceOf(EmbedAttachment.class, attachments.get(4)).getDataUrl());
    // an external file: only the common keys plus data_url and thumb_url
    FileAttachment reel = assertInstanceOf(FileAttachment.class, attachments.get(5));
    assertEquals(FileAttachment.FileTypeEnum.IG_REEL, reel.getFileType());
    assertNull(reel.getFileSize());
  }

  @Test
  void keysOfNewerServersAreIgnored() throws Exception {
    Message message = read("{'id':1,'content':'hi','message_type':0,'content_type':'text','content_attributes':{},"
        + "'created_at':1781773964,'conversation_id':318,'decorated_content_attributes':{'x':1},'status':'sent',"
        + "'sender':{'id':7,'name':'Jane','available_name':'Jane','avatar_url':'','type':'user',"
        + " 'availability_status':null,'thumbnail':'','pronouns':'she/her'}}", Message.class);
    assertEquals("hi", message.getContent());
    assertEquals(1781773964L, message.getCreatedAt());
    assertEquals("Jane", message.getSender().getUserSender().getName());
  }

  @Test
  void enumValuesOfNewerServersBecomeUnknownDefault() throws Exception {
    Message message = read("{'id':1,'content':'hi','message_type':5,'content_type':'voice_note','content_attributes':{},"
        + "'created_at':1,'conversation_id':1}", Message.class);
    assertEquals(Message.ContentTypeEnum.UNKNOWN_DEFAULT_OPEN_API, message.getContentType());
    assertEquals(Message.MessageTypeEnum.NUMBER_unknown_default_open_api, message.getMessageType());

    Conversation conversation = read("{'id':1,'uuid':'b0f4e3a2-5c1d-4e9a-8f7b-2d6c9a1e0f53','inbox_id':1,"
        + "'contact_last_seen_at':0,'status':'archived','agent_last_seen_at':0,'messages':[],"
        + "'contact':{'id':1,'name':'A','email':null,'phone_number':null,'account_id':1,"
        + " 'created_at':'2026-06-18T09:10:02.000Z','updated_at':'2026-06-18T09:10:02.000Z','additional_attributes':{},"
        + " 'identifier':null,'custom_attributes':{},'last_activity_at':null,'contact_type':'prospect','middle_name':'',"
        + " 'last_name':'','location':null,'country_code':null,'blocked':false}}", Conversation.class);
    assertEquals(Conversation.StatusEnum.UNKNOWN_DEFAULT_OPEN_API, conversation.getStatus());
    assertEquals(Contact.ContactTypeEnum.UNKNOWN_DEFAULT_OPEN_API, conversation.getContact().getContactType());
  }

  @Test
  void omittedAndNullKeysStayDistinguishable() throws Exception {
    String common = "'id':1,'name':'A','email':null,'phone_number':null,'account_id':1,"
        + "'created_at':'2026-06-18T09:10:02.000Z','updated_at':'2026-06-18T09:10:02.000Z','additional_attributes':{},"
        + "'identifier':null,'custom_attributes':{},'last_activity_at':null,'contact_type':'lead','middle_name':'',"
        + "'last_name':'','location':null,'country_code':null,'blocked':false";
    Contact older = read("{" + common + "}", Contact.class); // before 4.7.0: no company_id
    Contact newer = read("{" + common + ",'company_id':null,'label_list':[]}", Contact.class);

    assertNull(older.getCompanyId());
    assertFalse(older.getCompanyId_JsonNullable().isPresent());
    assertNull(older.getLabelList());
    assertNull(newer.getCompanyId());
    assertTrue(newer.getCompanyId_JsonNullable().isPresent());
    assertEquals(List.of(), newer.getLabelList());
    assertFalse(MAPPER.valueToTree(older).has("company_id"));
    assertTrue(MAPPER.valueToTree(newer).get("company_id").isNull());
  }

  @Test
  void messagesWithoutSenderOrAttachmentsHaveNulls() throws Exception {
    Message csat = read("{'id':90430,'content':'Please rate','message_type':3,'content_type':'input_csat',"
        + "'content_attributes':{'display_type':'emoji'},'created_at':1781775010,'conversation_id':318}", Message.class);
    assertNull(csat.getSender());
    assertNull(csat.getAttachments());
    assertEquals(Message.MessageTypeEnum.TEMPLATE, csat.getMessageType());
    assertEquals(Message.ContentTypeEnum.INPUT_CSAT, csat.getContentType());
  }

  @Test
  void olderCsatSurveysWithoutDisplayTypeAndContent() throws Exception {
    CsatSurvey survey = read("{'id':90430,'csat_survey_response':null,'inbox_avatar_url':'','inbox_name':'Support',"
        + "'locale':'en','conversation_id':44917,'created_at':'2026-06-18T09:30:10.000Z'}", CsatSurvey.class);
    assertNull(survey.getCsatSurveyResponse());
    assertNull(survey.getDisplayType());
    assertFalse(survey.getContent_JsonNullable().isPresent());
  }

  @Test
  void submittedValuesAreReadAsEitherShape() throws Exception {
    Message csat = read("{'id':1,'content':'Rate','message_type':3,'content_type':'input_csat','created_at':1,"
        + "'conversation_id':1,'content_attributes':{'display_type':'emoji',"
        + " 'submitted_values':{'csat_survey_response':{'rating':4,'feedback_message':'Quick help'}}}}", Message.class);
    CsatSubmission submission = MAPPER.convertValue(csat.getContentAttributes().get("submitted_values"), CsatSubmission.class);
    assertEquals(4, submission.getCsatSurveyResponse().getRating());
    assertEquals("Quick help", submission.getCsatSurveyResponse().getFeedbackMessage());

    Message select = read("{'id':2,'content':'Topic?','message_type':1,'content_type':'input_select','created_at':1,"
        + "'conversation_id':1,'content_attributes':{'items':[{'title':'Billing','value':'billing'}],"
        + " 'submitted_values':[{'title':'Billing','value':'billing'}]}}", Message.class);
    List<SubmittedItem> items = MAPPER.convertValue(select.getContentAttributes().get("submitted_values"),
        new TypeReference<List<SubmittedItem>>() { });
    assertEquals("billing", items.get(0).getValue());
  }
}
