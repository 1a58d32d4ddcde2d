import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };

/** The public status page's texts: the page, an incident's page and the feeds. */
export default { en, 'pt-BR': ptBR, de, es, ru };
