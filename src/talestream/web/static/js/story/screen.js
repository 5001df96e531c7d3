// The reading area for one story: header, chapters, and the ending (question and choices).

import { $, button, h, icon, nextId } from '../dom.js';
import { speak, voiceFor, voicesKnown } from '../speech.js';
import { setFieldError } from '../ui/forms.js';
import { isRtl, languageName } from '../words.js';
import { facts } from './facts.js';
import { textWriter } from './text-writer.js';

export function storyScreen(container, meta) {
  const rtl = isRtl(meta.language);
  const eyebrow = h('p', { class: 'story__eyebrow', dir: 'auto' });
  const title = h('h1', { class: 'story__title', tabindex: '-1', dir: 'auto' }, meta.title);
  const chapters = h('div', { class: 'story__chapters' });
  const endSlot = h('div', { class: 'story__end' });
  // The whole reading area mirrors for right-to-left languages; the text itself says so too.
  const article = h(
    'article',
    { class: 'story card', lang: meta.language, dir: rtl ? 'rtl' : 'ltr' },
    h('header', { class: 'story__header' }, eyebrow, title),
    chapters,
    endSlot,
  );
  container.append(article);

  const screen = {
    meta,
    article,
    title,
    chapters,
    endSlot,
    count: 0,
    setEyebrow() {
      const bits = [];
      if (meta.childName) bits.push(`For ${meta.childName}`);
      else if (meta.hero) bits.push(`Hero: ${meta.hero}`);
      if (meta.theme) bits.push(meta.theme);
      bits.push(languageName(meta.language));
      eyebrow.textContent = bits.join(' · ');
    },
    setTitle(text) {
      if (text) title.textContent = text;
      document.title = `${title.textContent} · talestream`;
    },
    /** A chapter section; `text` gets the story text. */
    chapter(number) {
      const headingId = nextId('chapter');
      const heading = h('h2', { class: 'chapter__heading', id: headingId, tabindex: '-1' }, `Chapter ${number}`);
      const text = h('div', { class: 'story-text', lang: meta.language, dir: rtl ? 'rtl' : 'ltr' });
      const tools = h('div', { class: 'chapter__tools' });
      const section = h(
        'section',
        { class: 'chapter', 'aria-labelledby': headingId, 'data-chapter': number },
        h('div', { class: 'chapter__top' }, heading, tools),
        text,
      );
      return { section, heading, text, tools, number };
    },
    /** Facts and the read-aloud button under a finished chapter. */
    finishChapter(block, data) {
      if (data.badges) block.section.append(facts(data, meta.language)); // none if the reread failed
      voicesKnown.then(() => {
        if (!voiceFor(meta.language)) return; // the story's header says so, once
        const readButton = button('Read aloud', { class: 'btn btn-quiet btn-small read-aloud', 'aria-pressed': 'false' }, icon('speaker'));
        const speechStatus = h('span', { class: 'speech-status', role: 'status', dir: 'auto' });
        readButton.addEventListener('click', () => {
          speechStatus.textContent = '';
          let text = block.text.innerText;
          const ending = block.section.nextElementSibling ? null : $('.ending', endSlot);
          if (ending) text += `\n${ending.dataset.speak || ''}`;
          speak(readButton, text, meta.language, () => {
            speechStatus.textContent = 'This device could not read it aloud.';
          });
        });
        block.tools.append(speechStatus, readButton);
      });
      screen.count = Math.max(screen.count, block.number);
    },
    addSaved(chapter) {
      const block = screen.chapter(chapter.number);
      textWriter(block.text).add(chapter.content);
      chapters.append(block.section);
      screen.finishChapter(block, chapter);
      return block;
    },
    addChosen(text) {
      const note = h(
        'p',
        { class: 'chosen' },
        h('span', { class: 'chosen__label' }, meta.childName ? `${meta.childName} chose` : 'The choice'),
        h('span', { class: 'chosen__text', dir: 'auto' }, text),
      );
      chapters.append(note);
      return note;
    },
    /** The chapter's question with its choices as big buttons (or as a plain list); `ownIdea`
     * fills the own-idea box again (a refused idea, for the child to change). */
    showEnding(chapter, { onChoose, noticeEl, ownIdea } = {}) {
      const questionId = nextId('question');
      const choices = chapter.choices || [];
      const section = h(
        'section',
        { class: 'ending', 'aria-labelledby': questionId },
        noticeEl || null,
        h('h2', { class: 'ending__question', id: questionId, dir: 'auto' }, chapter.choice_question || 'What happens next?'),
      );
      section.dataset.speak = [chapter.choice_question, ...choices.map((c) => c.text)].filter(Boolean).join('\n');
      if (onChoose) {
        const buttons = choices.map((choice, index) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'choice', 'data-index': index },
              h('span', { class: 'choice__letter', 'aria-hidden': 'true' }, String.fromCharCode(65 + index)),
              h('span', { class: 'choice__text', dir: 'auto' }, choice.text),
            ),
          ),
        );
        const list = h('ul', { class: 'choices' }, buttons);
        const lock = (chosenButton) => {
          for (const b of section.querySelectorAll('button, input')) b.disabled = true;
          if (chosenButton) chosenButton.setAttribute('aria-pressed', 'true');
        };
        list.addEventListener('click', (event) => {
          const target = event.target.closest('button.choice');
          if (!target || target.disabled) return;
          lock(target);
          const index = Number(target.dataset.index);
          onChoose({ choice_index: index }, choices[index].text);
        });
        const ownId = nextId('own-idea');
        const ownInput = h('input', {
          id: ownId,
          name: 'custom_choice',
          maxlength: 200,
          autocomplete: 'off',
          dir: 'auto',
          placeholder: 'What should happen next?',
          value: ownIdea,
        });
        const ownForm = h(
          'form',
          { class: 'own-idea' },
          h('label', { for: ownId }, meta.childName ? `Or ${meta.childName}'s own idea` : 'Or your own idea'),
          h('div', { class: 'own-idea__row' }, ownInput, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Continue')),
        );
        ownForm.addEventListener('submit', (event) => {
          event.preventDefault();
          const text = ownInput.value.trim();
          if (!text) return setFieldError(ownInput, 'Type an idea first, for example "They find a secret door".');
          lock(null);
          onChoose({ custom_choice: text }, text);
        });
        section.append(list, ownForm);
      } else {
        section.append(
          h('ul', { class: 'choices choices--static' }, choices.map((choice) => h('li', { dir: 'auto' }, choice.text))),
          h(
            'p',
            { class: 'muted ending__note', dir: 'ltr', lang: 'en' },
            meta.childId
              ? 'This story can be continued from its child profile.'
              : 'Stories from your own idea are one chapter long. To continue a story chapter by chapter, start it from a child profile.',
          ),
        );
      }
      endSlot.replaceChildren(section);
      return section;
    },
  };
  screen.setEyebrow();
  screen.setTitle();
  voicesKnown.then(() => {
    if (voiceFor(meta.language)) return;
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(meta.language);
    title.after(h('p', { class: 'speech-none', dir: 'ltr', lang: 'en' }, icon('speaker'), `Read aloud isn't available here: this device has no ${name} voice.`));
  });
  return screen;
}
